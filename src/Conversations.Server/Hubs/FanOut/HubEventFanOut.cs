using System.Threading.Channels;
using Conversations.Contracts;
using Conversations.Server.Events;
using Conversations.Server.Hubs.Console;
using Conversations.Server.Hubs.Payloads;
using Conversations.Server.Hubs.Widget;
using Conversations.Server.Observability;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs.FanOut;

/// <summary>Turns grain events into SignalR sends. <see cref="Handle"/> only enqueues, so a grain turn
/// never waits for a socket; one reader keeps the events of a conversation in order. Consoles get summary
/// rows through the conversation's site group (agents not allowed on the site are never in it), coalesced
/// and paced by <see cref="SummaryRows"/>; message and typing events go to the site while the
/// conversation is unassigned, then only to its agent and watchers (<see cref="ConversationAudience"/>).</summary>
public sealed partial class HubEventFanOut(
    IHubContext<WidgetHub, IWidgetClient> widgets,
    IHubContext<ConsoleHub, IConsoleClient> consoles,
    AgentConnections connections,
    ConsoleCounters counters,
    ConversationAudience audience,
    IGrainFactory grains,
    ConversationsMetrics metrics,
    TimeProvider clock,
    ILogger<HubEventFanOut> logger) : BackgroundService, IConversationEventHandler
{
    private const int SummariesPerFlush = 64;

    private static readonly TimeSpan SummaryTick = TimeSpan.FromMilliseconds(20);

    private readonly Channel<ConversationEvent> _events = Channel.CreateUnbounded<ConversationEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SummaryRows _summaries = new(clock);

    public void Handle(ConversationEvent conversationEvent) => _events.Writer.TryWrite(conversationEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = TickSummariesAsync(stoppingToken);
        await foreach (var conversationEvent in _events.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                Dispatch(conversationEvent);
            }
            catch (Exception e)
            {
                LogSendFailed(e, conversationEvent.GetType().Name);
            }
        }
    }

    private void Dispatch(ConversationEvent conversationEvent)
    {
        switch (conversationEvent)
        {
            case MessageAdded added:
                // The sending connection has the message as its call's result; its other tabs get it here.
                if (added.Message.Kind != MessageKind.Note)
                {
                    var group = HubGroups.Conversation(added.ConversationId);
                    var widget = added.Origin is { } origin ? widgets.Clients.GroupExcept(group, origin) : widgets.Clients.Group(group);
                    Fire(widget.Message(added.Message), added);
                }

                Fire(Followers(added.WorkspaceId, added.SiteId, added.ConversationId, added.AssignedAgentId, added.Origin).Message(added.Message), added);
                metrics.Delivered(added.Message);
                break;
            case ConversationStateChanged changed:
                Fire(Widget(changed.State.ConversationId).State(changed.State), changed);
                break;
            case ConversationSummaryChanged summary:
                audience.SetAssigned(summary.Summary.Id, summary.Summary.Status == ConversationStatus.Closed ? null : summary.Summary.AssignedAgent?.Id);
                _summaries.Add(summary);
                break;
            case FlushSummaries:
                FlushDueSummaries();
                break;
            case QueuePositionChanged queue:
                Fire(Widget(queue.ConversationId).Queue(new QueuePayload(queue.ConversationId, queue.Position, queue.EstimatedWaitSeconds)), queue);
                break;
            case QueueCountersChanged queue:
                counters.SetQueue(queue.WorkspaceId, queue.SiteId, queue.Waiting, queue.Unassigned);
                SendCounters(connections.OnSite(queue.WorkspaceId, queue.SiteId), queue);
                break;
            case AgentLoadChanged load:
                counters.SetMine(load.AgentId, load.ActiveConversations);
                SendCounters(connections.Of(load.AgentId), load);
                break;
            case TypingChanged typing:
                SendTyping(typing);
                break;
            case AgentPresenceChanged presence:
                SendPresence(presence);
                break;
            case ContactPresenceChanged presence:
                Fire(SendContactPresenceAsync(presence), presence);
                break;
            case NotificationRaised notification:
                var payload = new NotificationPayload(notification.Kind, notification.ConversationId, notification.Title, notification.Body);
                var target = notification.AgentId is { } agentId
                    ? consoles.Clients.Group(HubGroups.Agent(agentId))
                    : Site(notification.WorkspaceId, notification.SiteId);
                Fire(target.Notification(payload), notification);
                break;
            case HelpOffered offer:
                Fire(Widget(offer.ConversationId).HelpOffered(new HelpOfferedPayload(offer.ConversationId, offer.Agent)), offer);
                break;
            case ReadUpTo read when read.ReaderKind == AuthorKind.Agent:
                Fire(Widget(read.ConversationId).Read(new ReadPayload(read.ConversationId, read.UpToSeq)), read);
                break;
            case ReadUpTo read when read.ReaderKind == AuthorKind.Customer:
                // The agent's messages up to this seq show as read, for whoever follows the conversation.
                Fire(Followers(read.WorkspaceId, read.SiteId, read.ConversationId, audience.AssignedAgent(read.ConversationId))
                    .Read(new ReadPayload(read.ConversationId, read.UpToSeq)), read);
                break;
        }
    }

    // Agents with their own unread count get their row as soon as it is due.
    private void SendOwnRows(ConversationSummaryChanged changed)
    {
        var summary = changed.Summary;
        foreach (var (agentId, unread) in changed.UnreadByAgent)
        {
            var count = summary.Status == ConversationStatus.Closed ? 0 : unread;
            var counted = counters.SetUnread(agentId, summary.Id, count);
            var own = OwnConnections(changed, agentId);
            if (own.Count == 0)
            {
                continue;
            }

            Fire(consoles.Clients.Clients(own.Select(c => c.ConnectionId).ToList()).Conversation(summary with { Unread = unread }), changed);
            if (counted)
            {
                SendCounters(own, changed);
            }
        }
    }

    // The rest of the site gets the row with unread 0, when the site's budget lets it out.
    private void SendSiteRow(ConversationSummaryChanged changed)
    {
        var personal = changed.UnreadByAgent.Keys.SelectMany(agentId => OwnConnections(changed, agentId)).Select(c => c.ConnectionId).ToList();
        Fire(consoles.Clients.GroupExcept(HubGroups.Site(changed.WorkspaceId, changed.Summary.SiteId), personal).Conversation(changed.Summary), changed);
    }

    private List<ConsoleConnection> OwnConnections(ConversationSummaryChanged changed, string agentId) =>
        [.. connections.Of(agentId).Where(c => c.Agent.WorkspaceId == changed.WorkspaceId && c.SiteIds.Contains(changed.Summary.SiteId))];

    private void SendTyping(TypingChanged typing)
    {
        var payload = new TypingPayload(typing.ConversationId, new TypingAuthor(typing.Author.Kind, typing.Author.Name), typing.IsTyping);
        if (typing.Author.Kind != AuthorKind.Customer)
        {
            Fire(Widget(typing.ConversationId).Typing(payload), typing);
        }

        Fire(Followers(typing.WorkspaceId, typing.SiteId, typing.ConversationId, audience.AssignedAgent(typing.ConversationId)).Typing(payload), typing);
    }

    // Each conversation's row waits out its own window from its first change: conversations change at
    // different moments, so their rows leave spread over the window instead of in one burst that would
    // hold message events back.
    private void FlushDueSummaries()
    {
        foreach (var changed in _summaries.TakeDue(SummariesPerFlush))
        {
            SendOwnRows(changed);
        }

        foreach (var changed in _summaries.TakeSiteRows())
        {
            SendSiteRow(changed);
        }
    }

    // Ends with the service: the reader stops taking events then, so the remaining ticks would do nothing.
    private async Task TickSummariesAsync(CancellationToken stoppingToken)
    {
        using var ticker = new PeriodicTimer(SummaryTick);
        try
        {
            while (await ticker.WaitForNextTickAsync(stoppingToken))
            {
                _events.Writer.TryWrite(FlushSummaries.Instance);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Unassigned conversations are previewed by the whole site; an assigned one is followed by its agent
    // and its watchers only.
    private IConsoleClient Followers(string workspaceId, string siteId, string conversationId, string? assignedAgentId, string? except = null)
    {
        if (assignedAgentId is null)
        {
            var site = HubGroups.Site(workspaceId, siteId);
            return except is null ? consoles.Clients.Group(site) : consoles.Clients.GroupExcept(site, except);
        }

        // The common case, no watcher: the agent's group. A list of connections is matched by SignalR against
        // every console connection of the node, for each message.
        var watchers = audience.Watchers(conversationId);
        if (watchers.Count == 0)
        {
            var agent = HubGroups.Agent(assignedAgentId);
            return except is null ? consoles.Clients.Group(agent) : consoles.Clients.GroupExcept(agent, except);
        }

        var targets = connections.Of(assignedAgentId).Select(c => c.ConnectionId).Concat(watchers).Distinct();
        return consoles.Clients.Clients([.. targets.Where(id => id != except)]);
    }

    // Supervisors see everyone's presence; an agent also sees its own (on every console it has open).
    private void SendPresence(AgentPresenceChanged presence)
    {
        var payload = new PresencePayload(presence.AgentId, presence.Status);
        Fire(consoles.Clients.Group(HubGroups.Supervisors(presence.WorkspaceId)).Presence(payload), presence);
        var own = connections.Of(presence.AgentId).Where(c => !c.Agent.IsSupervisor).Select(c => c.ConnectionId).ToList();
        if (own.Count > 0)
        {
            Fire(consoles.Clients.Clients(own).Presence(payload), presence);
        }
    }

    // The event names conversations, not sites: their sites pick the groups, never the whole workspace.
    private async Task SendContactPresenceAsync(ContactPresenceChanged presence)
    {
        var sites = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conversationId in presence.OpenConversationIds)
        {
            sites.Add((await grains.GetGrain<IConversationGrain>(conversationId).GetSummaryAsync(null)).SiteId);
        }

        var groups = sites.Select(site => HubGroups.Site(presence.WorkspaceId, site)).ToList();
        await consoles.Clients.Groups(groups).ContactPresence(new ContactPresencePayload(presence.ContactId, presence.Online));
    }

    private void SendCounters(IEnumerable<ConsoleConnection> targets, ConversationEvent cause)
    {
        foreach (var connection in targets)
        {
            Fire(consoles.Clients.Client(connection.ConnectionId).Counters(counters.For(connection)), cause);
        }
    }

    private IWidgetClient Widget(string conversationId) => widgets.Clients.Group(HubGroups.Conversation(conversationId));

    private IConsoleClient Site(string workspaceId, string siteId) => consoles.Clients.Group(HubGroups.Site(workspaceId, siteId));

    private void Fire(Task send, ConversationEvent cause)
    {
        if (!send.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(send, cause.GetType().Name);
        }
    }

    private async Task ObserveAsync(Task send, string eventName)
    {
        try
        {
            await send;
        }
        catch (Exception e)
        {
            LogSendFailed(e, eventName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Event} to hub clients failed")]
    private partial void LogSendFailed(Exception exception, string @event);

    /// <summary>The reader's own signal to send the summary rows that are due.</summary>
    private sealed record FlushSummaries() : ConversationEvent(string.Empty)
    {
        public static readonly FlushSummaries Instance = new();
    }
}
