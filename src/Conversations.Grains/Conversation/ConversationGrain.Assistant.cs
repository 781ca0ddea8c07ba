using Conversations.Contracts;
using Conversations.Grains.Assistant;
using Conversations.Grains.Conversation.Handoff;

namespace Conversations.Grains.Conversation;

/// <summary>The assistant's turns while the conversation is in <c>bot</c>.</summary>
public sealed partial class ConversationGrain
{
    /// <summary>Runs an assistant turn; true when it changed state the message log cannot rebuild
    /// (variables, fallback count, a handoff), which the caller must then store.</summary>
    private async Task<bool> RunAssistantAsync(WorkspaceView workspace, bool isStart, string? text, string? choiceId, bool isResume = false)
    {
        var reply = await assistant.RespondAsync(new AssistantTurn(State.WorkspaceId, State.AssistantId!, Id, State.Locale, isStart, text, choiceId, State.Variables, State.AssistantState, isResume));
        var changed = reply.AssistantState is not null && reply.AssistantState != State.AssistantState;
        State.AssistantState = reply.AssistantState ?? State.AssistantState;
        foreach (var (key, value) in reply.Variables ?? new Dictionary<string, string>())
        {
            changed |= State.Variables.GetValueOrDefault(key) != value;
            State.Variables[key] = value;
        }

        changed |= await ApplyRulesAsync(workspace, reply);

        foreach (var output in reply.Messages)
        {
            var kind = output.Options is { Count: > 0 } ? MessageKind.Choice : MessageKind.Text;
            await AppendAsync(kind, new MessageAuthor(AuthorKind.Bot, State.AssistantId, "Assistant"), output.Text, null, output.Options, null, null);
        }

        foreach (var note in reply.Notes ?? [])
        {
            await AppendAsync(MessageKind.Note, new MessageAuthor(AuthorKind.Bot, State.AssistantId, "Assistant"), note, null, null, null, null);
        }

        var fallbackCount = reply.Fallback ? State.FallbackCount + 1 : 0;
        changed |= fallbackCount != State.FallbackCount;
        State.FallbackCount = fallbackCount;
        if (reply.Handoff)
        {
            // An unknown, full or offline named agent refuses the reservation: the queue takes over.
            if (reply.HandoffAgentId is not { } agentId || !await TryAssignAsync(agentId, AssignReason.ByAssistant))
            {
                await ApplyAsync(new HandoffCommand.AssistantHandedOff(reply.HandoffTeamId));
            }

            return true;
        }

        if (State.FallbackCount >= workspace.Settings.FallbackLimit)
        {
            await ApplyAsync(new HandoffCommand.AssistantMisunderstood(State.FallbackCount));
            return true;
        }

        return changed;
    }

    /// <summary>The assistant's turn is back after a human had the conversation ("back to the assistant"):
    /// it resumes at the step its definition chose. The caller stores.</summary>
    private async Task ResumeAssistantAsync(ConversationStatus before)
    {
        if (before != ConversationStatus.Bot && State.Status == ConversationStatus.Bot && State.AssistantId is not null)
        {
            await RunAssistantAsync(await WorkspaceAsync(), isStart: false, text: null, choiceId: null, isResume: true);
        }
    }

    /// <summary>Onboarding rules' effects: tags, priority, and the team later handoffs go to. A team the
    /// workspace does not have is ignored (a note says so), else the customer would wait in a queue no agent
    /// serves.</summary>
    private async Task<bool> ApplyRulesAsync(WorkspaceView workspace, AssistantReply reply)
    {
        var changed = false;
        foreach (var tag in reply.Tags ?? [])
        {
            if (!State.Tags.Contains(tag))
            {
                State.Tags.Add(tag);
                changed = true;
            }
        }

        if (reply.Priority is { } priority && priority != State.Priority)
        {
            State.Priority = priority;
            changed = true;
        }

        if (reply.Team is { } team && team != State.AssistantTeamId)
        {
            if (workspace.Teams.Any(t => t.Id == team))
            {
                State.AssistantTeamId = team;
                changed = true;
            }
            else
            {
                await AppendAsync(MessageKind.Note, new MessageAuthor(AuthorKind.Bot, State.AssistantId, "Assistant"), $"The assistant's rules chose team '{team}', which this workspace does not have: the conversation stays with every agent.", null, null, null, null);
            }
        }

        return changed;
    }
}
