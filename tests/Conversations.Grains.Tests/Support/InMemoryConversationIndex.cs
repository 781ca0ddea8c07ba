using System.Collections.Concurrent;
using Conversations.Contracts;
using Conversations.Grains.Persistence;

namespace Conversations.Grains.Tests.Support;

/// <summary>The conversation index port in memory: one row per conversation, replaced on upsert.</summary>
public sealed class InMemoryConversationIndex : IConversationIndex
{
    private readonly ConcurrentDictionary<string, ConversationIndexEntry> _rows = new();

    public Task UpsertAsync(ConversationIndexEntry entry, CancellationToken cancellationToken = default)
    {
        _rows[entry.ConversationId] = entry;
        return Task.CompletedTask;
    }

    public Task<ConversationIndexEntry?> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.GetValueOrDefault(conversationId));

    public Task<ConversationPage> QueryAsync(ConversationQuery query, CancellationToken cancellationToken = default)
    {
        var rows = _rows.Values
            .Where(r => r.WorkspaceId == query.WorkspaceId)
            .Where(r => query.AllowedSiteIds is null || query.AllowedSiteIds.Contains(r.SiteId))
            .Where(r => query.SiteId is null || r.SiteId == query.SiteId)
            .Where(r => query.View switch
            {
                ConversationView.Live => r.Status is ConversationStatus.Waiting or ConversationStatus.Live,
                ConversationView.Closed => r.Status == ConversationStatus.Closed,
                _ => r.Status == ConversationStatus.Bot,
            })
            .Where(r => query.Filter switch
            {
                ConversationFilter.Unassigned => r.AssignedAgentId is null,
                ConversationFilter.Mine => r.AssignedAgentId == query.AgentId,
                ConversationFilter.Unread => query.AgentId is not null && r.UnreadByAgent.GetValueOrDefault(query.AgentId) > 0,
                _ => true,
            })
            .OrderByDescending(r => r.UpdatedAt)
            .Take(query.Limit)
            .ToList();
        return Task.FromResult(new ConversationPage(rows, null));
    }
}
