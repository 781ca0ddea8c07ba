using System.Text.Json;

using Conversations.Bots.Definition;
using Conversations.Bots.Runtime;
using Conversations.Contracts;
using Conversations.Grains.Assistant;

namespace Conversations.Server.Assistants;

/// <summary>The real assistant behind the conversation grain's seam: the published version of the assistant
/// connected to the conversation's site or channel runs through the interpreter (the default response, a
/// greeting then the queue, when none is published or it was disconnected). Onboarding rules' tags, priority
/// and team go back to the grain, which applies them to the conversation. The
/// bot state (flow position, captured answers, options shown) travels as <see cref="AssistantTurn.AssistantState"/>,
/// which the grain stores without knowing its shape and agents never see among the variables.</summary>
public sealed class BotsAssistantResponder(AssistantCatalog catalog) : IAssistantResponder
{
    public async Task<AssistantReply> RespondAsync(AssistantTurn turn, CancellationToken cancellationToken = default)
    {
        var assistant = await catalog.PublishedAsync(turn.WorkspaceId, turn.AssistantId) ?? DefaultAssistant.Instance;
        var state = turn.AssistantState is { } json ? Deserialize(json) : null;
        var input = turn.IsStart ? BotInput.Start(turn.Locale, turn.Variables)
            : turn.IsResume ? BotInput.Resume() with { Locale = turn.Locale, Context = turn.Variables }
            : turn.ChoiceId is { } choice ? BotInput.Choose(choice) with { Locale = turn.Locale, Context = turn.Variables }
            : BotInput.Say(turn.Text ?? string.Empty) with { Locale = turn.Locale, Context = turn.Variables };
        var reply = AssistantInterpreter.Respond(assistant, state, input);

        return new AssistantReply(
            [.. reply.Messages.Select(ToOutput)],
            Handoff: reply.Transfer is not null,
            Fallback: !reply.Understood,
            HandoffAgentId: reply.Transfer?.AgentId,
            Variables: reply.VariablesSet,
            AssistantState: JsonSerializer.Serialize(reply.State),
            HandoffTeamId: reply.Transfer?.TeamId,
            Notes: reply.Notes,
            Tags: reply.Tags,
            Priority: RoutingPriority.Parse(reply.Priority),
            Team: reply.Team);
    }

    private static AssistantOutput ToOutput(BotMessage message)
    {
        // The seam carries text and options only: an article becomes its title and plain excerpt, an image
        // with no text its URL.
        var text = message.Article is { } article ? $"{article.Title}\n{article.Excerpt}"
            : message.ImageUrl is { } image && message.Text.Length == 0 ? image
            : message.Text;
        var options = message.Options?.Select(o => new ChoiceOption(o.Id, o.Label)).ToList();
        return new AssistantOutput(text, options);
    }

    private static BotState? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<BotState>(json);
        }
        catch (JsonException)
        {
            // A state of an older shape: start afresh rather than fail the customer's message.
            return null;
        }
    }
}
