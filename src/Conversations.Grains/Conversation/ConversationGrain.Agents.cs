using Conversations.Contracts;
using Conversations.Grains.Conversation.Handoff;
using Conversations.Grains.Hosting;

namespace Conversations.Grains.Conversation;

/// <summary>The commands agents send: replies, notes, assignment, transfer, close and reopen, watching.</summary>
public sealed partial class ConversationGrain
{
    public async Task<ConversationDetails> GetDetailsAsync(string agentId)
    {
        await RequireAgentAsync(agentId);
        return new ConversationDetails(
            ToSummary(agentId),
            State.WorkspaceId,
            new Dictionary<string, string>(State.Variables),
            [.. State.Participants],
            [.. State.Watchers],
            State.TeamId,
            State.Rating,
            _lastSeq,
            [.. State.Tags],
            State.Priority,
            State.AssistantTeamId);
    }

    public async Task<Message> ReplyAsync(AgentMessage command)
    {
        var agent = await RequireAssignedAsync(command.AgentId);
        if (command.Text is null && command.Attachment is null)
        {
            throw new DomainException(DomainErrors.InvalidArgument, "A reply needs a text or an attachment.");
        }

        var kind = command.Attachment is null ? MessageKind.Text : MessageKind.Image;
        var result = await AppendAsync(kind, new MessageAuthor(AuthorKind.Agent, agent.Id, agent.Name), command.Text, command.Attachment, null, command.ClientMessageId, null, command.Origin);
        if (!result.Duplicate)
        {
            // The first answer stops the SLA, which reads AgentAnswered after a restart: that one is stored.
            var firstAnswer = !State.AgentAnswered;
            State.AgentAnswered = true;
            if (firstAnswer)
            {
                // Only the first answer has an SLA reminder to stop: later replies skip the reminder table.
                await UnregisterIfPresentAsync(SlaReminder);
            }

            await GrainFactory.GetGrainByKey<IAgentGrain>(agent.Id).RecordMessageAsync();
            await SaveAsync(durable: firstAnswer);
        }

        return result.Message;
    }

    public async Task<Message> NoteAsync(AgentMessage command)
    {
        var (_, _, agent) = await RequireAgentAsync(command.AgentId);
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            throw new DomainException(DomainErrors.InvalidArgument, "A note needs a text.");
        }

        var result = await AppendAsync(MessageKind.Note, new MessageAuthor(AuthorKind.Agent, agent.Profile.Id, agent.Profile.DisplayName), command.Text, null, null, command.ClientMessageId, null, command.Origin);
        await SaveAsync(durable: false);
        return result.Message;
    }

    public async Task<ConversationSummary> TakeAsync(string agentId)
    {
        var (_, _, agent) = await RequireAgentAsync(agentId);
        await AssignOrThrowAsync(agent, AssignReason.Took);
        return ToSummary(agentId);
    }

    public async Task<ConversationSummary> AssignAsync(string actingAgentId, string agentId)
    {
        var (_, acting, _) = await RequireAgentAsync(actingAgentId);
        RequireSupervisor(acting, "assign conversations");
        await AssignOrThrowAsync(await RequireAssignableAsync(agentId), AssignReason.Assigned);
        return ToSummary(actingAgentId);
    }

    public async Task<ConversationSummary> TransferAsync(TransferRequest command)
    {
        var (workspace, acting, _) = await RequireAgentAsync(command.ActingAgentId);
        if (State.Status == ConversationStatus.Live && State.Agent?.Id != command.ActingAgentId)
        {
            RequireSupervisor(acting, "transfer another agent's conversation");
        }

        if (command.ToAgentId is { } toAgentId)
        {
            await AssignOrThrowAsync(await RequireAssignableAsync(toAgentId), AssignReason.Transferred);
        }
        else
        {
            var team = command.ToTeamId is null ? null : workspace.Teams.FirstOrDefault(t => t.Id == command.ToTeamId)
                ?? throw new DomainException(DomainErrors.TeamUnknown, $"Team '{command.ToTeamId}' does not exist in workspace '{State.WorkspaceId}'.");
            await ApplyAsync(new HandoffCommand.TransferToQueue(team?.Id, team?.Name));
            await SaveAsync();
        }

        return ToSummary(command.ActingAgentId);
    }

    public async Task<ConversationSummary> CloseAsync(string agentId)
    {
        var (_, acting, agent) = await RequireAgentAsync(agentId);
        RequireOpen();
        if (State.Status == ConversationStatus.Live && State.Agent?.Id != agentId)
        {
            RequireSupervisor(acting, "close another agent's conversation");
        }

        await ApplyAsync(new HandoffCommand.Close($"{agent.Profile.DisplayName} closed the conversation.", agentId));
        await SaveAsync();
        return ToSummary(agentId);
    }

    public async Task<ConversationSummary> ReopenAsync(string agentId)
    {
        var (_, _, agent) = await RequireAgentAsync(agentId);
        await AssignOrThrowAsync(agent, AssignReason.Reopened);
        return ToSummary(agentId);
    }

    public async Task<ConversationSummary> AgentReturnToBotAsync(string agentId)
    {
        var (_, acting, agent) = await RequireAgentAsync(agentId);
        if (State.Agent?.Id != agentId)
        {
            RequireSupervisor(acting, "return another agent's conversation to the assistant");
        }

        var before = State.Status;
        await ApplyAsync(new HandoffCommand.ReturnToAssistant($"{agent.Profile.DisplayName} returned the conversation to the assistant."));
        await ResumeAssistantAsync(before);
        await SaveAsync();
        return ToSummary(agentId);
    }

    public async Task AgentTypingAsync(string agentId, bool isTyping)
    {
        var name = await RequireAgentNameAsync(agentId);
        events.Publish(new TypingChanged(State.WorkspaceId, State.SiteId, Id, State.ContactId, new MessageAuthor(AuthorKind.Agent, agentId, name), isTyping));
    }

    public async Task AgentMarkReadAsync(string agentId, long upToSeq)
    {
        await RequireAgentNameAsync(agentId);
        var seq = Math.Min(upToSeq, _lastSeq);
        if (State.ReadSeqByAgent.GetValueOrDefault(agentId) >= seq)
        {
            return;
        }

        State.ReadSeqByAgent[agentId] = seq;
        events.Publish(new ReadUpTo(State.WorkspaceId, State.SiteId, Id, State.ContactId, AuthorKind.Agent, agentId, seq));
        await SaveAsync();
    }

    public async Task WatchAsync(string agentId)
    {
        await RequireAgentAsync(agentId);
        if (!State.Watchers.Contains(agentId))
        {
            State.Watchers.Add(agentId);
            await SaveAsync();
        }
    }

    public async Task UnwatchAsync(string agentId)
    {
        await RequireAgentAsync(agentId);
        if (State.Watchers.Remove(agentId))
        {
            await SaveAsync();
        }
    }

    public async Task OfferHelpAsync(string agentId)
    {
        var (_, _, agent) = await RequireAgentAsync(agentId);
        await ApplyAsync(new HandoffCommand.OfferHelp(agent.ToRef()));
        await SaveAsync();
    }

    public async Task<IReadOnlyList<Message>> AgentHistoryAsync(string agentId, long? beforeSeq, int limit)
    {
        await RequireAgentAsync(agentId);
        return await messageLog.ReadAsync(Id, beforeSeq, Math.Clamp(limit, 1, 200));
    }

    public async Task SetMonitoringAsync(string actingAgentId, MonitoringMode mode)
    {
        var (_, acting, _) = await RequireAgentAsync(actingAgentId);
        RequireSupervisor(acting, "change monitoring");
        State.Monitoring = mode;
        await SaveAsync();
    }

    public async Task SetVariablesAsync(string agentId, IReadOnlyDictionary<string, string> variables)
    {
        await RequireAgentAsync(agentId);
        foreach (var (key, value) in variables)
        {
            State.Variables[key] = value;
        }

        await SaveAsync();
    }
}
