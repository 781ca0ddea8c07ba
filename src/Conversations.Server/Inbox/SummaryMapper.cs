using Conversations.Contracts;
using Conversations.Grains.Persistence;

namespace Conversations.Server.Inbox;

/// <summary>Turns the list read model's rows into CONTRACT.md's summaries, unread counted for one agent.</summary>
public static class SummaryMapper
{
    public static ConversationSummary ToSummary(ConversationIndexEntry entry, string agentId, bool contactOnline) => new(
        entry.ConversationId,
        entry.SiteId,
        entry.ChannelId,
        entry.Status,
        entry.AssignedAgentId is { } assigned ? new AgentRef(assigned, entry.AssignedAgentName ?? string.Empty) : null,
        new ContactRef(entry.ContactId, entry.ContactName, contactOnline),
        entry.LastMessageAt is { } at && entry.LastMessageAuthor is { } author ? new LastMessage(entry.LastMessageText, author, at) : null,
        entry.UnreadByAgent.GetValueOrDefault(agentId),
        entry.Unanswered,
        entry.WaitingSince,
        entry.Monitored);
}
