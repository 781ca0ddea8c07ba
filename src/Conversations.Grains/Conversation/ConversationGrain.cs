using Conversations.Contracts;
using Conversations.Grains.Assistant;
using Conversations.Grains.Conversation.Handoff;
using Conversations.Grains.Persistence;

namespace Conversations.Grains.Conversation;

/// <summary>One conversation: it applies the handoff state machine (<see cref="HandoffMachine"/>), is the
/// single writer of its message log (it assigns seqs), and holds the SLA and inactivity reminders. This file
/// has the customer's commands; the agents' are in <c>.Agents</c>, transitions and reminders in
/// <c>.Handoff</c>, the assistant's turns in <c>.Assistant</c>, the log and summary in <c>.Log</c>, and
/// the authorization checks in <c>.Checks</c>.</summary>
[GrainType("ConversationGrain")]
public sealed partial class ConversationGrain(
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

    // A customer often writes in bursts of short lines: the agent is alerted (sound, browser notification,
    // e-mail) by the first, and the burst's other lines reach the console as messages only.
    private static readonly TimeSpan MessageNotificationWindow = TimeSpan.FromSeconds(10);

    private long _lastSeq;
    private WorkspaceView? _workspace;
    private DateTimeOffset _workspaceReadAt;
    private (string AgentId, DateTimeOffset At)? _messageNotified;
    private string? _id;

    // Client message id -> seq of this conversation's messages, read from the log on the first append that has one.
    private Dictionary<string, long>? _clientSeqs;

    private ConversationGrainState State => state.State;

    // GetPrimaryKeyString decodes a new string from the grain id on every call, and every message reads the id a dozen times.
    private string Id => _id ??= this.GetPrimaryKeyString();

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
        var result = await AppendAsync(kind, new MessageAuthor(AuthorKind.Customer, State.ContactId, State.ContactName), command.Text, command.Attachment, null, command.ClientMessageId, command.ExternalId, command.Origin);
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
            NotifyMessage(agent.Id, command.Text ?? "(image)");
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
        var before = State.Status;
        await ApplyAsync(new HandoffCommand.ReturnToAssistant("The customer went back to the assistant."));
        await ResumeAssistantAsync(before);
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

        if (!await TryAssignAsync(offer.Id, AssignReason.AcceptedHelp))
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

    public async Task SetContactOnlineAsync(bool online)
    {
        if (State.Started && State.ContactOnline != online)
        {
            State.ContactOnline = online;
            await SaveAsync();
        }
    }

    private void NotifyMessage(string agentId, string text)
    {
        var now = clock.GetUtcNow();
        if (_messageNotified is { } last && last.AgentId == agentId && now - last.At < MessageNotificationWindow)
        {
            return;
        }

        _messageNotified = (agentId, now);
        events.Publish(new NotificationRaised(State.WorkspaceId, State.SiteId, Id, agentId, NotificationKind.Message, State.ContactName, text));
    }
}
