using Conversations.Contracts;
using Conversations.Grains.Assistant;
using Conversations.Grains.Conversation.Handoff;
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
        await ApplyAsync(new HandoffCommand.Start());
        if (State.Status == ConversationStatus.Bot)
        {
            await RunAssistantAsync(workspace, isStart: true, text: null, choiceId: null);
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
            await ApplyAsync(new HandoffCommand.CustomerWroteAgain());
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
        if ((await ApplyAsync(new HandoffCommand.CustomerAskedForAgent())).Changed)
        {
            await SaveAsync();
        }

        return ToState();
    }

    public async Task<ConversationState> CustomerReturnToBotAsync(string contactId)
    {
        RequireContact(contactId);
        await ApplyAsync(new HandoffCommand.ReturnToAssistant("The customer went back to the assistant."));
        await SaveAsync();
        return ToState();
    }

    public async Task<ConversationState> AcceptHelpAsync(string contactId)
    {
        RequireContact(contactId);
        if (State.Status != ConversationStatus.Bot || State.HelpOfferedBy is not { } offer)
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"No agent offered help in conversation '{Id}'.");
        }

        if (!await TryAssignAsync(offer, AssignReason.AcceptedHelp))
        {
            await ApplyAsync(new HandoffCommand.HelperUnavailable(offer));
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

        await ApplyAsync(new HandoffCommand.ReturnToAssistant($"{agent.Profile.DisplayName} returned the conversation to the assistant."));
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

    public async Task OfferFromQueueAsync(string agentId)
    {
        if (State.Status != ConversationStatus.Waiting)
        {
            // Taken, closed or back to the bot since routing queued it: the entry is stale.
            await Routing().RemoveAsync(Id, assigned: false);
            return;
        }

        var agent = await GrainFactory.GetGrain<IAgentGrain>(agentId).GetAsync();
        if (!await TryAssignAsync(agent.ToRef(), AssignReason.FromQueue))
        {
            await Routing().DeclineAsync(Id, agentId);
            return;
        }

        await SaveAsync();
    }

    public async Task AgentWentOfflineAsync(string agentId)
    {
        if ((await ApplyAsync(new HandoffCommand.AgentWentOffline(agentId))).Changed)
        {
            await SaveAsync();
        }
        else
        {
            // Not (or no longer) this agent's: make sure the agent does not keep capacity for it.
            await GrainFactory.GetGrain<IAgentGrain>(agentId).ReleaseAsync(Id);
        }
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
            if ((await ApplyAsync(new HandoffCommand.SlaDue())).Changed)
            {
                await SaveAsync();
            }
        }
        else if (reminderName == InactivityReminder)
        {
            var inactivity = TimeSpan.FromMinutes(workspace.Settings.InactivityMinutes);
            var idle = now - State.LastActivityAt;
            if (idle >= inactivity)
            {
                await ApplyAsync(new HandoffCommand.Close($"Closed after {workspace.Settings.InactivityMinutes} minutes without activity.", null));
                await SaveAsync();
            }
            else
            {
                // Activity moved the deadline: one reminder re-aimed, rather than a reminder write per message.
                await this.RegisterOrUpdateReminder(InactivityReminder, inactivity - idle, inactivity);
            }
        }
    }

    /// <summary>Checks that the status allows the assignment before the agent's capacity is reserved (whose
    /// refusal names its precise reason), then applies it.</summary>
    private async Task AssignOrThrowAsync(AgentView agent, AssignReason reason)
    {
        // Settings shape only the effects, never whether a transition is allowed: defaults do for the check.
        HandoffMachine.Decide(Handoff(), new HandoffCommand.Assign(agent.ToRef(), reason), clock.GetUtcNow(), new WorkspaceSettings());
        var reserved = await GrainFactory.GetGrain<IAgentGrain>(agent.Profile.Id).ReserveAsync(Id, State.SiteId);
        await ApplyAsync(new HandoffCommand.Assign(reserved.ToRef(), reason));
        await SaveAsync();
    }

    /// <summary>Assigns when the agent can still take the conversation; false (nothing changed) otherwise.</summary>
    private async Task<bool> TryAssignAsync(AgentRef agent, AssignReason reason)
    {
        AgentView reserved;
        try
        {
            reserved = await GrainFactory.GetGrain<IAgentGrain>(agent.Id).ReserveAsync(Id, State.SiteId);
        }
        catch (DomainException)
        {
            return false;
        }

        if (!(await ApplyAsync(new HandoffCommand.Assign(reserved.ToRef(), reason))).Changed)
        {
            await GrainFactory.GetGrain<IAgentGrain>(agent.Id).ReleaseAsync(Id);
            return false;
        }

        return true;
    }

    /// <summary>One transition: decided by <see cref="HandoffMachine"/>, adopted, and its effects carried out
    /// in order. The caller stores the state once, after its last transition.</summary>
    private async Task<HandoffTransition> ApplyAsync(HandoffCommand command)
    {
        var settings = (await WorkspaceAsync()).Settings;
        var previous = State.Status;
        var transition = HandoffMachine.Decide(Handoff(), command, clock.GetUtcNow(), settings);
        var next = transition.State;
        (State.Status, State.Agent, State.TeamId, State.WaitingSince) = (next.Status, next.Agent, next.TeamId, next.WaitingSince);
        (State.AssignedAt, State.AgentAnswered, State.FallbackCount, State.HelpOfferedBy) = (next.AssignedAt, next.AgentAnswered, next.FallbackCount, next.HelpOfferedBy);
        foreach (var effect in transition.Effects)
        {
            await RunAsync(effect, settings);
            if (effect is HandoffEffect.SystemMessage && transition.Announced)
            {
                events.Publish(new ConversationStateChanged(State.WorkspaceId, State.SiteId, State.ContactId, previous, ToState()));
            }
        }

        return transition;
    }

    private async Task RunAsync(HandoffEffect effect, WorkspaceSettings settings)
    {
        switch (effect)
        {
            case HandoffEffect.SystemMessage m:
                await AppendAsync(MessageKind.System, SystemAuthor, m.Text, null, null, null, null);
                break;
            case HandoffEffect.Analytics a:
                analytics.Record(new AnalyticsEvent(State.WorkspaceId, a.Type, Id, a.AgentId, clock.GetUtcNow(), a.Data));
                break;
            case HandoffEffect.ReleaseAgent r:
                await GrainFactory.GetGrain<IAgentGrain>(r.AgentId).ReleaseAsync(Id);
                break;
            case HandoffEffect.DispatchQueue:
                await Routing().DispatchAsync();
                break;
            case HandoffEffect.EnterQueue q:
                await Routing().EnqueueAsync(new QueueEntry(Id, State.ContactId, State.WaitingSince!.Value, TeamId: q.TeamId));
                break;
            case HandoffEffect.LeaveQueue l:
                await Routing().RemoveAsync(Id, l.Assigned);
                break;
            case HandoffEffect.AddParticipant p when !State.Participants.Contains(p.AgentId):
                State.Participants.Add(p.AgentId);
                break;
            case HandoffEffect.StartSla:
                var sla = TimeSpan.FromSeconds(settings.SlaSeconds);
                await this.RegisterOrUpdateReminder(SlaReminder, sla, sla);
                break;
            case HandoffEffect.StopSla:
                await UnregisterIfPresentAsync(SlaReminder);
                break;
            case HandoffEffect.ScheduleInactivity:
                await ScheduleInactivityAsync(settings);
                break;
            case HandoffEffect.StopInactivity:
                await UnregisterIfPresentAsync(InactivityReminder);
                break;
            case HandoffEffect.Notify n:
                events.Publish(new NotificationRaised(State.WorkspaceId, State.SiteId, Id, n.AgentId, n.Kind, n.Title, State.ContactName));
                break;
            case HandoffEffect.HelpOffered h:
                events.Publish(new HelpOffered(State.WorkspaceId, State.SiteId, Id, State.ContactId, h.Agent));
                break;
        }
    }

    private HandoffState Handoff() => new(
        Id, State.SiteId, State.Status, State.AssistantId is not null, State.Agent, State.TeamId, State.WaitingSince, State.AssignedAt, State.AgentAnswered, State.FallbackCount, State.HelpOfferedBy);

    /// <summary>Runs an assistant turn; true when it changed state the message log cannot rebuild
    /// (variables, fallback count, a handoff), which the caller must then store.</summary>
    private async Task<bool> RunAssistantAsync(WorkspaceView workspace, bool isStart, string? text, string? choiceId)
    {
        var reply = await assistant.RespondAsync(new AssistantTurn(State.WorkspaceId, State.AssistantId!, Id, State.Locale, isStart, text, choiceId, State.Variables));
        var changed = false;
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

        var fallbackCount = reply.Fallback ? State.FallbackCount + 1 : 0;
        changed |= fallbackCount != State.FallbackCount;
        State.FallbackCount = fallbackCount;
        if (reply.Handoff)
        {
            var target = reply.HandoffAgentId is { } agentId ? await GrainFactory.GetGrain<IAgentGrain>(agentId).GetAsync() : null;
            if (target is not { Exists: true } || !await TryAssignAsync(target.ToRef(), AssignReason.ByAssistant))
            {
                await ApplyAsync(new HandoffCommand.AssistantHandedOff());
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

    /// <summary>The check of a reply, which an agent sends many times a conversation: being the assigned
    /// agent is checked on the state, membership on a workspace view up to a few seconds old, and the site
    /// permission was checked when the agent's capacity was reserved. A revoked or re-scoped agent's
    /// sessions and connections are ended by the edge at once; this is the second line.</summary>
    private async Task<AgentRef> RequireAssignedAsync(string agentId)
    {
        RequireStarted();
        if (State.Status != ConversationStatus.Live || State.Agent is not { } agent || agent.Id != agentId)
        {
            throw new DomainException(DomainErrors.NotAssigned, $"Agent '{agentId}' is not the assigned agent of conversation '{Id}'.");
        }

        RequireMember(await CachedWorkspaceAsync(), agentId);
        return agent;
    }

    /// <summary>Typing and read marks, sent many times a minute: the assigned agent takes the reply's check,
    /// anyone else (a supervisor watching) the full one.</summary>
    private async Task<string> RequireAgentNameAsync(string agentId)
    {
        if (State.Status == ConversationStatus.Live && State.Agent?.Id == agentId)
        {
            return (await RequireAssignedAsync(agentId)).Name;
        }

        return (await RequireAgentAsync(agentId)).Agent.Profile.DisplayName;
    }

    private async Task<AgentView> RequireAssignableAsync(string agentId)
    {
        RequireMember(await WorkspaceAsync(), agentId);
        return await GrainFactory.GetGrain<IAgentGrain>(agentId).GetAsync();
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
