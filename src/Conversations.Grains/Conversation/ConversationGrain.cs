using Conversations.Contracts;
using Conversations.Grains.Assistant;
using Conversations.Grains.Persistence;

namespace Conversations.Grains.Conversation;

/// <summary>One conversation: the handoff state machine of DESIGN.md, the single writer of its message
/// log (it assigns seqs), and the SLA and inactivity reminders.</summary>
[GrainType("ConversationGrain")]
public sealed class ConversationGrain(
    [PersistentState("conversation")] IPersistentState<ConversationGrainState> state,
    IMessageLog messageLog,
    IConversationIndex index,
    IAnalyticsSink analytics,
    IConversationEventSink events,
    IAssistantResponder assistant,
    TimeProvider clock) : Grain, IConversationGrain, IRemindable
{
    private const string SlaReminder = "sla";
    private const string InactivityReminder = "inactivity";
    private const string WebChannel = "web";
    private const int SnapshotSize = 50;

    // Unread counts come from the latest customer seqs; keeping them all would make the state, and the log
    // replay on activation, grow with the conversation. Consoles show "99+" long before this bound.
    private const int MaxTrackedCustomerSeqs = 200;
    private static readonly MessageAuthor SystemAuthor = new(AuthorKind.System, null, "System");
    private static readonly TimeSpan WorkspaceCacheAge = TimeSpan.FromSeconds(5);

    private long _lastSeq;
    private WorkspaceView? _workspace;
    private DateTimeOffset _workspaceReadAt;

    private ConversationGrainState State => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastSeq = await messageLog.GetLastSeqAsync(Id, cancellationToken);
        await CatchUpWithLogAsync(cancellationToken);
    }

    public async Task<ConversationSnapshot> StartAsync(StartConversation command)
    {
        if (State.Started)
        {
            RequireContact(command.ContactId);
            return await SnapshotAsync();
        }

        var workspace = await GrainFactory.GetGrain<IWorkspaceGrain>(command.WorkspaceId).GetAsync();
        if (command.SiteId is { } siteId)
        {
            var site = workspace.Sites.FirstOrDefault(s => s.Id == siteId)
                ?? throw new DomainException(DomainErrors.SiteUnknown, $"Site '{siteId}' does not exist in workspace '{command.WorkspaceId}'.");
            (State.SiteId, State.ChannelId, State.AssistantId) = (site.Id, WebChannel, site.AssistantId);
        }
        else if (command.ChannelId is { } channelId)
        {
            var channel = workspace.Channels.FirstOrDefault(c => c.Id == channelId)
                ?? throw new DomainException(DomainErrors.ChannelUnknown, $"Channel '{channelId}' does not exist in workspace '{command.WorkspaceId}'.");
            (State.SiteId, State.ChannelId, State.AssistantId) = (channel.Id, channel.Id, channel.AssistantId);
        }
        else
        {
            throw new DomainException(DomainErrors.InvalidArgument, "A conversation starts on a site or a channel; neither was given.");
        }

        var now = clock.GetUtcNow();
        State.Started = true;
        State.WorkspaceId = command.WorkspaceId;
        State.ContactId = command.ContactId;
        State.ContactName = command.ContactName;
        State.Locale = command.Locale;
        State.Monitoring = command.Monitoring;
        State.CreatedAt = now;
        State.LastActivityAt = now;
        foreach (var (key, value) in command.Variables ?? new Dictionary<string, string>())
        {
            State.Variables[key] = value;
        }

        await ScheduleInactivityAsync(workspace.Settings);
        if (State.AssistantId is not null)
        {
            await ChangeStatusAsync(ConversationStatus.Bot, null, "The assistant answers this conversation.", "conversation.bot");
            await RunAssistantAsync(workspace, isStart: true, text: null, choiceId: null);
        }
        else
        {
            await EnterQueueAsync(workspace, "Waiting for an agent.", "conversation.waiting", teamId: null);
        }

        await SaveAsync();
        return await SnapshotAsync();
    }

    public Task<ConversationState> GetStateAsync() => Task.FromResult(ToState());

    public Task<ConversationSummary> GetSummaryAsync(string? agentId) => Task.FromResult(ToSummary(agentId));

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
            _lastSeq);
    }

    public async Task<SendResult> SendAsCustomerAsync(CustomerMessage command)
    {
        RequireContact(command.ContactId);
        if (command.Text is null && command.Attachment is null)
        {
            throw new DomainException(DomainErrors.InvalidArgument, "A message needs a text or an attachment.");
        }

        var workspace = await CachedWorkspaceAsync();
        var reopened = false;
        if (State.Status == ConversationStatus.Closed)
        {
            if (ReopenPolicyOf(workspace) == ReopenPolicy.NewConversation)
            {
                throw new DomainException(DomainErrors.ConversationClosed, $"Conversation '{Id}' is closed; the customer's next message starts a new conversation.");
            }

            reopened = true;
        }

        var kind = command.Attachment is null ? MessageKind.Text : MessageKind.Image;
        var result = await AppendAsync(kind, new MessageAuthor(AuthorKind.Customer, State.ContactId, State.ContactName), command.Text, command.Attachment, null, command.ClientMessageId, command.ExternalId);
        if (result.Duplicate)
        {
            return result;
        }

        var durable = reopened;
        if (reopened)
        {
            await ScheduleInactivityAsync(workspace.Settings);
            await EnterQueueAsync(workspace, "The customer wrote again: the conversation is reopened.", "conversation.reopened", teamId: null);
        }
        else if (State.Status == ConversationStatus.Bot)
        {
            durable = await RunAssistantAsync(workspace, isStart: false, command.Text, choiceId: null);
        }
        else if (State.Status == ConversationStatus.Live && State.Agent is { } agent)
        {
            events.Publish(new NotificationRaised(State.WorkspaceId, State.SiteId, Id, agent.Id, NotificationKind.Message, State.ContactName, command.Text ?? "(image)"));
        }

        await SaveAsync(durable);
        return result;
    }

    public async Task<Message> ChooseAsync(CustomerChoice command)
    {
        RequireContact(command.ContactId);
        RequireOpen();
        var choice = (await messageLog.ReadAsync(Id, null, SnapshotSize))
            .LastOrDefault(m => m.Kind == MessageKind.Choice)?.Options?.FirstOrDefault(o => o.Id == command.OptionId)
            ?? throw new DomainException(DomainErrors.InvalidArgument, $"Option '{command.OptionId}' is not offered in conversation '{Id}'.");
        var workspace = await WorkspaceAsync();
        var result = await AppendAsync(MessageKind.Text, new MessageAuthor(AuthorKind.Customer, State.ContactId, State.ContactName), choice.Label, null, null, command.ClientMessageId, null);
        var durable = !result.Duplicate && State.Status == ConversationStatus.Bot
            && await RunAssistantAsync(workspace, isStart: false, choice.Label, choice.Id);
        await SaveAsync(durable);
        return result.Message;
    }

    public async Task<ConversationState> RequestAgentAsync(string contactId)
    {
        RequireContact(contactId);
        RequireOpen();
        if (State.Status == ConversationStatus.Bot)
        {
            await EnterQueueAsync(await WorkspaceAsync(), "The customer asked for a human.", "conversation.waiting", teamId: null);
            await SaveAsync();
        }

        return ToState();
    }

    public async Task<ConversationState> CustomerReturnToBotAsync(string contactId)
    {
        RequireContact(contactId);
        await ReturnToBotAsync("The customer went back to the assistant.");
        return ToState();
    }

    public async Task<ConversationState> AcceptHelpAsync(string contactId)
    {
        RequireContact(contactId);
        if (State.Status != ConversationStatus.Bot || State.HelpOfferedBy is not { } offer)
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"No agent offered help in conversation '{Id}'.");
        }

        var workspace = await WorkspaceAsync();
        if (!await TryAssignAsync(offer.Id, $"The customer accepted {offer.Name}'s help.", "conversation.live"))
        {
            await EnterQueueAsync(workspace, $"{offer.Name} is no longer available: waiting for an agent.", "conversation.waiting", teamId: null);
        }

        await SaveAsync();
        return ToState();
    }

    public Task CustomerTypingAsync(string contactId, bool isTyping)
    {
        RequireContact(contactId);
        events.Publish(new TypingChanged(State.WorkspaceId, State.SiteId, Id, State.ContactId, new MessageAuthor(AuthorKind.Customer, State.ContactId, State.ContactName), isTyping));
        return Task.CompletedTask;
    }

    public Task CustomerMarkReadAsync(string contactId, long upToSeq)
    {
        RequireContact(contactId);
        events.Publish(new ReadUpTo(State.WorkspaceId, State.SiteId, Id, State.ContactId, AuthorKind.Customer, State.ContactId, Math.Min(upToSeq, _lastSeq)));
        return Task.CompletedTask;
    }

    public async Task RateAsync(string contactId, int score, string? comment)
    {
        RequireContact(contactId);
        if (score is < 1 or > 5)
        {
            throw new DomainException(DomainErrors.InvalidArgument, $"A rating is from 1 to 5, not {score}.");
        }

        State.Rating = score;
        analytics.Record(new AnalyticsEvent(State.WorkspaceId, "conversation.rated", Id, State.Agent?.Id, clock.GetUtcNow(), $"{{\"score\":{score}}}"));
        await SaveAsync();
    }

    public async Task<IReadOnlyList<Message>> CustomerHistoryAsync(string contactId, long? beforeSeq, int limit)
    {
        RequireContact(contactId);
        var messages = await messageLog.ReadAsync(Id, beforeSeq, Math.Clamp(limit, 1, 200));
        return [.. messages.Where(m => m.Kind != MessageKind.Note)];
    }

    public async Task<Message> ReplyAsync(AgentMessage command)
    {
        var agent = await RequireAssignedAsync(command.AgentId);
        if (command.Text is null && command.Attachment is null)
        {
            throw new DomainException(DomainErrors.InvalidArgument, "A reply needs a text or an attachment.");
        }

        var kind = command.Attachment is null ? MessageKind.Text : MessageKind.Image;
        var result = await AppendAsync(kind, new MessageAuthor(AuthorKind.Agent, agent.Id, agent.Name), command.Text, command.Attachment, null, command.ClientMessageId, null);
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

            await GrainFactory.GetGrain<IAgentGrain>(agent.Id).RecordMessageAsync();
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

        var result = await AppendAsync(MessageKind.Note, new MessageAuthor(AuthorKind.Agent, agent.Profile.Id, agent.Profile.DisplayName), command.Text, null, null, command.ClientMessageId, null);
        await SaveAsync(durable: false);
        return result.Message;
    }

    public async Task<ConversationSummary> TakeAsync(string agentId)
    {
        await RequireAgentAsync(agentId);
        RequireOpen();
        if (State.Status == ConversationStatus.Live)
        {
            throw new DomainException(DomainErrors.AlreadyAssigned, $"Conversation '{Id}' is already assigned to agent '{State.Agent?.Id}'.");
        }

        await AssignOrThrowAsync(agentId, "took the conversation");
        return ToSummary(agentId);
    }

    public async Task<ConversationSummary> AssignAsync(string actingAgentId, string agentId)
    {
        var (_, acting, _) = await RequireAgentAsync(actingAgentId);
        RequireSupervisor(acting, "assign conversations");
        RequireOpen();
        var workspace = await WorkspaceAsync();
        RequireMember(workspace, agentId);
        await AssignOrThrowAsync(agentId, "was assigned the conversation");
        return ToSummary(actingAgentId);
    }

    public async Task<ConversationSummary> TransferAsync(TransferRequest command)
    {
        var (workspace, acting, _) = await RequireAgentAsync(command.ActingAgentId);
        if (State.Status != ConversationStatus.Live)
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"Only a live conversation can be transferred; conversation '{Id}' is {State.Status.ToString().ToLowerInvariant()}.");
        }

        if (State.Agent?.Id != command.ActingAgentId)
        {
            RequireSupervisor(acting, "transfer another agent's conversation");
        }

        if (command.ToAgentId is { } toAgentId)
        {
            RequireMember(workspace, toAgentId);
            await AssignOrThrowAsync(toAgentId, "received the conversation by transfer");
        }
        else
        {
            var team = command.ToTeamId is null ? null : workspace.Teams.FirstOrDefault(t => t.Id == command.ToTeamId)
                ?? throw new DomainException(DomainErrors.TeamUnknown, $"Team '{command.ToTeamId}' does not exist in workspace '{State.WorkspaceId}'.");
            var text = team is null ? "Transferred to the queue." : $"Transferred to team {team.Name}.";
            await EnterQueueAsync(workspace, text, "conversation.transferred", team?.Id);
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

        await CloseCoreAsync($"{agent.Profile.DisplayName} closed the conversation.", agentId);
        return ToSummary(agentId);
    }

    public async Task<ConversationSummary> ReopenAsync(string agentId)
    {
        await RequireAgentAsync(agentId);
        if (State.Status != ConversationStatus.Closed)
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"Conversation '{Id}' is {State.Status.ToString().ToLowerInvariant()}, not closed.");
        }

        var workspace = await WorkspaceAsync();
        await AssignOrThrowAsync(agentId, "reopened the conversation");
        await ScheduleInactivityAsync(workspace.Settings);
        return ToSummary(agentId);
    }

    public async Task<ConversationSummary> AgentReturnToBotAsync(string agentId)
    {
        var (_, acting, agent) = await RequireAgentAsync(agentId);
        if (State.Agent?.Id != agentId)
        {
            RequireSupervisor(acting, "return another agent's conversation to the assistant");
        }

        await ReturnToBotAsync($"{agent.Profile.DisplayName} returned the conversation to the assistant.");
        return ToSummary(agentId);
    }

    public async Task AgentTypingAsync(string agentId, bool isTyping)
    {
        var (_, _, agent) = await RequireAgentAsync(agentId);
        events.Publish(new TypingChanged(State.WorkspaceId, State.SiteId, Id, State.ContactId, new MessageAuthor(AuthorKind.Agent, agentId, agent.Profile.DisplayName), isTyping));
    }

    public async Task AgentMarkReadAsync(string agentId, long upToSeq)
    {
        await RequireAgentAsync(agentId);
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
        if (State.Status != ConversationStatus.Bot)
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"Help is offered while the assistant handles the conversation; conversation '{Id}' is {State.Status.ToString().ToLowerInvariant()}.");
        }

        State.HelpOfferedBy = agent.ToRef();
        await SaveAsync();
        events.Publish(new HelpOffered(State.WorkspaceId, State.SiteId, Id, State.ContactId, agent.ToRef()));
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

    public async Task<bool> AssignFromQueueAsync(string agentId)
    {
        if (State.Status != ConversationStatus.Waiting)
        {
            return false;
        }

        var assigned = await TryAssignAsync(agentId, null, "conversation.live");
        if (assigned)
        {
            await SaveAsync();
        }

        return assigned;
    }

    public async Task AgentWentOfflineAsync(string agentId)
    {
        if (State.Status != ConversationStatus.Live || State.Agent?.Id != agentId)
        {
            await GrainFactory.GetGrain<IAgentGrain>(agentId).ReleaseAsync(Id);
            return;
        }

        await EnterQueueAsync(await WorkspaceAsync(), $"{State.Agent.Name} went offline: waiting for another agent.", "conversation.requeued.offline", teamId: null);
        await SaveAsync();
    }

    public async Task SetContactOnlineAsync(bool online)
    {
        if (State.Started && State.ContactOnline != online)
        {
            State.ContactOnline = online;
            await SaveAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!State.Started || State.Status == ConversationStatus.Closed)
        {
            await UnregisterIfPresentAsync(reminderName);
            return;
        }

        var workspace = await WorkspaceAsync();
        var now = clock.GetUtcNow();
        if (reminderName == SlaReminder)
        {
            await UnregisterIfPresentAsync(SlaReminder);
            var sla = TimeSpan.FromSeconds(workspace.Settings.SlaSeconds);
            if (State.Status == ConversationStatus.Live && !State.AgentAnswered && State.AssignedAt + sla <= now)
            {
                await EnterQueueAsync(workspace, $"{State.Agent?.Name} did not answer within {workspace.Settings.SlaSeconds} seconds: back to the queue.", "conversation.requeued.sla", teamId: null);
                await SaveAsync();
            }
        }
        else if (reminderName == InactivityReminder)
        {
            var inactivity = TimeSpan.FromMinutes(workspace.Settings.InactivityMinutes);
            var idle = now - State.LastActivityAt;
            if (idle >= inactivity)
            {
                await CloseCoreAsync($"Closed after {workspace.Settings.InactivityMinutes} minutes without activity.", null);
            }
            else
            {
                // Activity moved the deadline: one reminder re-aimed, rather than a reminder write per message.
                await this.RegisterOrUpdateReminder(InactivityReminder, inactivity - idle, inactivity);
            }
        }
    }

    private async Task AssignOrThrowAsync(string agentId, string verb)
    {
        var previous = State.Agent;
        var wasClosed = State.Status == ConversationStatus.Closed;
        var view = await GrainFactory.GetGrain<IAgentGrain>(agentId).ReserveAsync(Id, State.SiteId);
        await AssignCoreAsync(view, previous, $"{view.Profile.DisplayName} {verb}.", wasClosed ? "conversation.reopened" : "conversation.live");
        await SaveAsync();
    }

    private async Task<bool> TryAssignAsync(string agentId, string? text, string analyticsType)
    {
        AgentView view;
        try
        {
            view = await GrainFactory.GetGrain<IAgentGrain>(agentId).ReserveAsync(Id, State.SiteId);
        }
        catch (DomainException)
        {
            return false;
        }

        await AssignCoreAsync(view, State.Agent, text ?? $"{view.Profile.DisplayName} joined the conversation.", analyticsType);
        return true;
    }

    private async Task AssignCoreAsync(AgentView agent, AgentRef? previous, string text, string analyticsType)
    {
        var leftQueue = State.Status == ConversationStatus.Waiting;
        if (previous is not null && previous.Id != agent.Profile.Id)
        {
            await GrainFactory.GetGrain<IAgentGrain>(previous.Id).ReleaseAsync(Id);
        }

        var workspace = await WorkspaceAsync();
        State.TeamId = null;
        State.HelpOfferedBy = null;
        State.AssignedAt = clock.GetUtcNow();
        State.AgentAnswered = false;
        if (!State.Participants.Contains(agent.Profile.Id))
        {
            State.Participants.Add(agent.Profile.Id);
        }

        await ChangeStatusAsync(ConversationStatus.Live, agent.ToRef(), text, analyticsType);
        var sla = TimeSpan.FromSeconds(workspace.Settings.SlaSeconds);
        await this.RegisterOrUpdateReminder(SlaReminder, sla, sla);
        events.Publish(new NotificationRaised(State.WorkspaceId, State.SiteId, Id, agent.Profile.Id, NotificationKind.Assigned, "Conversation assigned", State.ContactName));
        if (leftQueue)
        {
            await Routing().RemoveAsync(Id, assigned: true);
        }
    }

    private async Task EnterQueueAsync(WorkspaceView workspace, string text, string analyticsType, string? teamId)
    {
        await ReleaseAgentAsync();
        State.TeamId = teamId;
        State.HelpOfferedBy = null;
        State.FallbackCount = 0;
        State.WaitingSince = clock.GetUtcNow();
        await ChangeStatusAsync(ConversationStatus.Waiting, null, text, analyticsType);
        if (workspace.Settings.NotifyOnHandoff)
        {
            events.Publish(new NotificationRaised(State.WorkspaceId, State.SiteId, Id, null, NotificationKind.Handoff, "A customer is waiting", State.ContactName));
        }

        // Saved before routing hears of it, because routing calls back to assign.
        await SaveAsync();
        await Routing().EnqueueAsync(new QueueEntry(Id, State.ContactId, State.WaitingSince.Value, TeamId: teamId));
    }

    private async Task ReturnToBotAsync(string text)
    {
        if (State.Status is not (ConversationStatus.Live or ConversationStatus.Waiting))
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"Conversation '{Id}' is {State.Status.ToString().ToLowerInvariant()}; only a waiting or live conversation returns to the assistant.");
        }

        if (State.AssistantId is null)
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"Site '{State.SiteId}' has no published assistant to return conversation '{Id}' to.");
        }

        var wasWaiting = State.Status == ConversationStatus.Waiting;
        await ReleaseAgentAsync();
        State.FallbackCount = 0;
        await ChangeStatusAsync(ConversationStatus.Bot, null, text, "conversation.bot");
        await SaveAsync();
        if (wasWaiting)
        {
            await Routing().RemoveAsync(Id, assigned: false);
        }
    }

    private async Task CloseCoreAsync(string text, string? agentId)
    {
        var wasWaiting = State.Status == ConversationStatus.Waiting;
        var agent = State.Agent;
        await ReleaseAgentAsync();
        await UnregisterIfPresentAsync(InactivityReminder);
        State.HelpOfferedBy = null;
        State.TeamId = null;
        await ChangeStatusAsync(ConversationStatus.Closed, agent, text, "conversation.closed");
        analytics.Record(new AnalyticsEvent(State.WorkspaceId, "conversation.closed.by", Id, agentId, clock.GetUtcNow(), agentId is null ? "{\"reason\":\"inactivity\"}" : "{\"reason\":\"agent\"}"));
        await SaveAsync();
        if (wasWaiting)
        {
            await Routing().RemoveAsync(Id, assigned: false);
        }
    }

    private async Task ReleaseAgentAsync()
    {
        await UnregisterIfPresentAsync(SlaReminder);
        if (State.Status == ConversationStatus.Live && State.Agent is { } agent)
        {
            await GrainFactory.GetGrain<IAgentGrain>(agent.Id).ReleaseAsync(Id);
            State.Agent = null;
            State.AssignedAt = null;

            // The freed capacity may serve someone waiting on this site.
            await Routing().DispatchAsync();
        }
    }

    private async Task ChangeStatusAsync(ConversationStatus to, AgentRef? agent, string text, string analyticsType)
    {
        var previous = State.Status;
        State.Status = to;
        State.Agent = agent;
        if (to != ConversationStatus.Waiting)
        {
            State.WaitingSince = null;
        }

        await AppendAsync(MessageKind.System, SystemAuthor, text, null, null, null, null);
        analytics.Record(new AnalyticsEvent(State.WorkspaceId, analyticsType, Id, agent?.Id, clock.GetUtcNow()));
        events.Publish(new ConversationStateChanged(State.WorkspaceId, State.SiteId, State.ContactId, previous, ToState()));
    }

    /// <summary>Runs an assistant turn; true when it changed state the message log cannot rebuild
    /// (variables, fallback count, a handoff), which the caller must then store.</summary>
    private async Task<bool> RunAssistantAsync(WorkspaceView workspace, bool isStart, string? text, string? choiceId)
    {
        var reply = await assistant.RespondAsync(new AssistantTurn(State.WorkspaceId, State.AssistantId!, Id, State.Locale, isStart, text, choiceId, State.Variables, State.AssistantState));
        var changed = reply.AssistantState is not null && reply.AssistantState != State.AssistantState;
        State.AssistantState = reply.AssistantState ?? State.AssistantState;
        foreach (var (key, value) in reply.Variables ?? new Dictionary<string, string>())
        {
            changed |= State.Variables.GetValueOrDefault(key) != value;
            State.Variables[key] = value;
        }

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
            if (reply.HandoffAgentId is { } agentId && await TryAssignAsync(agentId, null, "conversation.live"))
            {
                return true;
            }

            await EnterQueueAsync(workspace, "The assistant handed the conversation over to a human.", "conversation.waiting", reply.HandoffTeamId);
            return true;
        }

        if (State.FallbackCount >= workspace.Settings.FallbackLimit)
        {
            await EnterQueueAsync(workspace, $"The assistant did not understand {State.FallbackCount} times in a row: waiting for an agent.", "conversation.waiting.fallback", teamId: null);
            return true;
        }

        return changed;
    }

    private async Task<SendResult> AppendAsync(MessageKind kind, MessageAuthor author, string? text, Attachment? attachment, IReadOnlyList<ChoiceOption>? options, string? clientMessageId, string? externalId)
    {
        var now = clock.GetUtcNow();
        var message = new Message(Guid.NewGuid().ToString("N"), Id, _lastSeq + 1, kind, author, text, attachment, options, clientMessageId, now);
        var result = await messageLog.AppendAsync(new MessageAppend(message, externalId is null ? null : State.ChannelId, externalId));
        if (result.Duplicate)
        {
            return new SendResult(result.Message, Duplicate: true);
        }

        var stored = result.Message;
        _lastSeq = stored.Seq;
        Track(stored);
        analytics.Record(new AnalyticsEvent(State.WorkspaceId, $"message.{author.Kind.ToString().ToLowerInvariant()}", Id, author.Kind == AuthorKind.Agent ? author.Id : null, now));
        events.Publish(new MessageAdded(State.WorkspaceId, State.SiteId, Id, State.ContactId, State.Agent?.Id, stored));
        return new SendResult(stored, Duplicate: false);
    }

    /// <summary>Folds a stored message into the fields the message log can rebuild: the same code runs for a
    /// new message and for replaying the log on activation, so both give the same state.</summary>
    private void Track(Message message)
    {
        State.LastActivityAt = Max(State.LastActivityAt, message.CreatedAt);
        if (message.Kind != MessageKind.Note)
        {
            State.LastMessage = new LastMessage(message.Text, message.Author.Kind, message.CreatedAt);
        }

        if (message.Author.Kind == AuthorKind.Customer)
        {
            State.Unanswered = true;
            TrackCustomerSeq(message.Seq);
        }
        else if (message.Author.Kind == AuthorKind.Agent && message.Kind != MessageKind.Note)
        {
            State.Unanswered = false;
        }

        if (message.Author.Kind == AuthorKind.Agent && message.Author.Id is { } agentId)
        {
            // Max, because a replayed message may be older than a read mark the agent stored since.
            State.ReadSeqByAgent[agentId] = Math.Max(State.ReadSeqByAgent.GetValueOrDefault(agentId), message.Seq);
        }
    }

    private void TrackCustomerSeq(long seq)
    {
        // Ascending, so a seq not above the last one is already tracked (a replay over a state that has it).
        if (State.CustomerSeqs.Count > 0 && State.CustomerSeqs[^1] >= seq)
        {
            return;
        }

        State.CustomerSeqs.Add(seq);
        if (State.CustomerSeqs.Count > MaxTrackedCustomerSeqs)
        {
            State.CustomerSeqs.RemoveRange(0, State.CustomerSeqs.Count - MaxTrackedCustomerSeqs);
        }
    }

    /// <summary>Plain messages do not write the state (see <see cref="SaveAsync"/>), so the stored state may
    /// lag the log: the messages after <see cref="ConversationGrainState.TrackedSeq"/> are replayed. Beyond
    /// the latest <see cref="MaxTrackedCustomerSeqs"/> only those are read: that is all unread counts keep.</summary>
    private async Task CatchUpWithLogAsync(CancellationToken cancellationToken)
    {
        var behind = _lastSeq - State.TrackedSeq;
        if (!State.Started || behind <= 0)
        {
            return;
        }

        var messages = await messageLog.ReadAsync(Id, null, (int)Math.Min(behind, MaxTrackedCustomerSeqs), cancellationToken);
        foreach (var message in messages.Where(m => m.Seq > State.TrackedSeq))
        {
            Track(message);
        }

        State.TrackedSeq = _lastSeq;
        State.UpdatedAt = Max(State.UpdatedAt, State.LastActivityAt);
    }

    /// <summary>Publishes the summary, and stores the state when <paramref name="durable"/>. A plain message
    /// changes only fields the message log rebuilds on activation (<see cref="Track"/>), and the log append
    /// is already a durable commit: a second, state, commit per message would halve a conversation's pace.</summary>
    private async Task SaveAsync(bool durable = true)
    {
        State.UpdatedAt = clock.GetUtcNow();
        if (durable)
        {
            State.TrackedSeq = _lastSeq;
            await state.WriteStateAsync();
        }

        var unread = UnreadByAgent();
        await index.UpsertAsync(new ConversationIndexEntry(
            Id, State.WorkspaceId, State.SiteId, State.ChannelId, State.Status, State.Agent?.Id, State.Agent?.Name,
            State.ContactId, State.ContactName, State.LastMessage?.Text, State.LastMessage?.AuthorKind, State.LastMessage?.CreatedAt,
            State.Unanswered, State.WaitingSince, State.Monitoring, unread, State.CreatedAt, State.UpdatedAt));
        events.Publish(new ConversationSummaryChanged(State.WorkspaceId, ToSummary(null), unread, [.. State.Watchers]));
    }

    private async Task ScheduleInactivityAsync(WorkspaceSettings settings)
    {
        var inactivity = TimeSpan.FromMinutes(settings.InactivityMinutes);
        await this.RegisterOrUpdateReminder(InactivityReminder, inactivity, inactivity);
    }

    private async Task UnregisterIfPresentAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<ConversationSnapshot> SnapshotAsync()
    {
        var messages = await messageLog.ReadAsync(Id, null, SnapshotSize);
        return new ConversationSnapshot(Id, ToState(), [.. messages.Where(m => m.Kind != MessageKind.Note)]);
    }

    private Task<WorkspaceView> WorkspaceAsync() => GrainFactory.GetGrain<IWorkspaceGrain>(State.WorkspaceId).GetAsync();

    // A customer's message needs only the site's reopen policy; asking the one workspace grain for every
    // message would funnel all conversations through it, so that path alone reads a view up to a few
    // seconds old. Everything that checks agents and roles reads the workspace fresh.
    private async Task<WorkspaceView> CachedWorkspaceAsync()
    {
        var now = clock.GetUtcNow();
        if (_workspace is null || now - _workspaceReadAt > WorkspaceCacheAge || now < _workspaceReadAt)
        {
            _workspace = await WorkspaceAsync();
            _workspaceReadAt = now;
        }

        return _workspace;
    }

    private IRoutingGrain Routing() => GrainFactory.GetGrain<IRoutingGrain>(RoutingKeys.ForSite(State.WorkspaceId, State.SiteId));

    private ReopenPolicy ReopenPolicyOf(WorkspaceView workspace) =>
        State.ChannelId == WebChannel
            ? workspace.Sites.FirstOrDefault(s => s.Id == State.SiteId)?.ReopenPolicy ?? ReopenPolicy.NewConversation
            : workspace.Channels.FirstOrDefault(c => c.Id == State.ChannelId)?.ReopenPolicy ?? ReopenPolicy.NewConversation;

    private void RequireStarted()
    {
        if (!State.Started)
        {
            throw new DomainException(DomainErrors.NotFound, $"Conversation '{Id}' does not exist.");
        }
    }

    private void RequireOpen()
    {
        if (State.Status == ConversationStatus.Closed)
        {
            throw new DomainException(DomainErrors.ConversationClosed, $"Conversation '{Id}' is closed.");
        }
    }

    private void RequireContact(string contactId)
    {
        RequireStarted();
        if (State.ContactId != contactId)
        {
            throw new DomainException(DomainErrors.NotOwner, $"Contact '{contactId}' does not own conversation '{Id}'.");
        }
    }

    private async Task<(WorkspaceView Workspace, WorkspaceAgent Member, AgentView Agent)> RequireAgentAsync(string agentId)
    {
        RequireStarted();
        var workspace = await WorkspaceAsync();
        var member = RequireMember(workspace, agentId);
        var agent = await GrainFactory.GetGrain<IAgentGrain>(agentId).GetAsync();
        if (!agent.IsAllowedOn(State.SiteId))
        {
            throw new DomainException(DomainErrors.AgentNotAllowedOnSite, $"Agent '{agentId}' is not allowed on site '{State.SiteId}'.");
        }

        return (workspace, member, agent);
    }

    private async Task<AgentRef> RequireAssignedAsync(string agentId)
    {
        await RequireAgentAsync(agentId);
        if (State.Status != ConversationStatus.Live || State.Agent is not { } agent || agent.Id != agentId)
        {
            throw new DomainException(DomainErrors.NotAssigned, $"Agent '{agentId}' is not the assigned agent of conversation '{Id}'.");
        }

        return agent;
    }

    private WorkspaceAgent RequireMember(WorkspaceView workspace, string agentId) =>
        workspace.Agents.FirstOrDefault(a => a.AgentId == agentId)
        ?? throw new DomainException(DomainErrors.AgentUnknown, $"Agent '{agentId}' is not a member of workspace '{State.WorkspaceId}'.");

    private static void RequireSupervisor(WorkspaceAgent acting, string action)
    {
        if (acting.Role == AgentRole.Agent)
        {
            throw new DomainException(DomainErrors.Forbidden, $"Agent '{acting.AgentId}' must be a supervisor or an admin to {action}.");
        }
    }

    private Dictionary<string, int> UnreadByAgent()
    {
        var agents = State.Participants.Concat(State.Watchers).Concat(State.ReadSeqByAgent.Keys).Distinct();
        return agents.ToDictionary(a => a, a => State.CustomerSeqs.Count(s => s > State.ReadSeqByAgent.GetValueOrDefault(a)));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private ConversationState ToState() => new(Id, State.Status, State.Status == ConversationStatus.Live ? State.Agent : null);

    private ConversationSummary ToSummary(string? agentId) => new(
        Id,
        State.SiteId,
        State.ChannelId,
        State.Status,
        State.Status == ConversationStatus.Live ? State.Agent : null,
        new ContactRef(State.ContactId, State.ContactName, State.ContactOnline),
        State.LastMessage,
        agentId is null ? 0 : State.CustomerSeqs.Count(s => s > State.ReadSeqByAgent.GetValueOrDefault(agentId)),
        State.Unanswered,
        State.WaitingSince,
        State.Monitoring);
}
