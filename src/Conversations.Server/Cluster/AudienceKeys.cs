using Conversations.Contracts;

namespace Conversations.Server.Cluster;

/// <summary>What a silo's connections follow, as short strings other silos match events against: a
/// visitor's contact (its widget), a conversation a console watches, an agent's consoles, a site's consoles,
/// and a workspace with consoles on this silo (the tenant-wide stream of list rows and counters).</summary>
public static class AudienceKeys
{
    public static string Contact(string contactId) => "k:" + contactId;

    public static string Conversation(string conversationId) => "c:" + conversationId;

    public static string Agent(string agentId) => "a:" + agentId;

    public static string Site(string workspaceId, string siteId) => $"s:{workspaceId}/{siteId}";

    public static string Workspace(string workspaceId) => "w:" + workspaceId;

    /// <summary>The keys of which a silo must follow at least one to need <paramref name="conversationEvent"/>;
    /// null for an event every silo needs. Mirrors the groups <c>HubEventFanOut</c> sends it to: the widget by
    /// its contact, console followers by the assigned agent or, while unassigned, the site, watchers by the
    /// conversation; list rows, counters, presence and notifications by the workspace, because every node with
    /// consoles keeps the counters of the workspace from them.</summary>
    public static string[]? For(ConversationEvent conversationEvent) => conversationEvent switch
    {
        MessageAdded added => [
            Contact(added.ContactId),
            Conversation(added.ConversationId),
            added.AssignedAgentId is { } agentId ? Agent(agentId) : Site(added.WorkspaceId, added.SiteId)],
        // The edge picks typing's and a customer read's console followers from the assignment it last heard,
        // which the event does not carry: the site covers every agent who may follow it.
        TypingChanged typing => [Contact(typing.ContactId), Conversation(typing.ConversationId), Site(typing.WorkspaceId, typing.SiteId)],
        ReadUpTo read when read.ReaderKind == AuthorKind.Customer => [Conversation(read.ConversationId), Site(read.WorkspaceId, read.SiteId)],
        ReadUpTo read => [Contact(read.ContactId)],
        ConversationStateChanged changed => [Contact(changed.ContactId)],
        QueuePositionChanged queue => [Contact(queue.ContactId)],
        HelpOffered offer => [Contact(offer.ContactId)],
        ConversationSummaryChanged or QueueCountersChanged or AgentLoadChanged or AgentPresenceChanged
            or ContactPresenceChanged or NotificationRaised => [Workspace(conversationEvent.WorkspaceId)],
        _ => null,
    };
}
