using System.Text.Json;

using Conversations.Bots.Runtime;
using Conversations.Contracts;
using Conversations.Grains.Assistant;

namespace Conversations.Server.Assistants;

/// <summary>The real assistant behind the conversation grain's seam: the published version of the site's or
/// channel's assistant runs through the interpreter (or the default response when none is published). The
/// bot state travels in the conversation's variables under <see cref="StateVariable"/>, so the grain keeps
/// it in its state without knowing its shape.</summary>
public sealed class BotsAssistantResponder(AssistantCatalog catalog) : IAssistantResponder
{
    /// <summary>The conversation variable holding the serialized <see cref="BotState"/>.</summary>
    public const string StateVariable = "assistant.state";

    public Task<AssistantReply> RespondAsync(AssistantTurn turn, CancellationToken cancellationToken = default)
    {
        var assistant = catalog.Published(turn.AssistantId) ?? DefaultAssistant.Instance;
        var state = turn.Variables.TryGetValue(StateVariable, out var json) ? Deserialize(json) : null;
        var context = turn.Variables.Where(v => v.Key != StateVariable).ToDictionary(v => v.Key, v => v.Value);
        var input = turn.IsStart ? BotInput.Start(turn.Locale, context)
            : turn.ChoiceId is { } choice ? BotInput.Choose(choice) with { Locale = turn.Locale, Context = context }
            : BotInput.Say(turn.Text ?? string.Empty) with { Locale = turn.Locale, Context = context };
        var reply = AssistantInterpreter.Respond(assistant, state, input);

        var variables = new Dictionary<string, string>(reply.VariablesSet)
        {
            [StateVariable] = JsonSerializer.Serialize(reply.State),
        };
        var messages = reply.Messages.Select(ToOutput).ToList();
        return Task.FromResult(new AssistantReply(
            messages,
            Handoff: reply.Transfer is not null,
            Fallback: false,
            HandoffAgentId: reply.Transfer?.AgentId,
            Variables: variables));
    }

    private static AssistantOutput ToOutput(BotMessage message)
    {
        // The seam carries text and options only: an article becomes its title and excerpt, an image its URL.
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
            // A state from an older shape: start afresh rather than fail the customer's message.
            return null;
        }
    }
}
