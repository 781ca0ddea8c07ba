using System.Collections.Concurrent;
using Conversations.Server.Hubs.Payloads;

namespace Conversations.Server.Hubs.Console;

/// <summary>The latest numbers behind the console's <c>counters</c>, kept from grain events: queue
/// sizes per site, live conversations per agent, and conversations with unread customer messages per agent.</summary>
public sealed class ConsoleCounters
{
    private readonly ConcurrentDictionary<string, (int Waiting, int Unassigned)> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _mine = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> _unread = new(StringComparer.Ordinal);

    public void SetQueue(string workspaceId, string siteId, int waiting, int unassigned) =>
        _queues[HubGroups.Site(workspaceId, siteId)] = (waiting, unassigned);

    public void SetMine(string agentId, int active) => _mine[agentId] = active;

    /// <summary>Records the agent's unread count in a conversation; true when the agent's <c>unread</c> counter
    /// (conversations with unread messages) changed, that is when the conversation became read or unread. A
    /// further message in an unread conversation changes its row, not the counters.</summary>
    public bool SetUnread(string agentId, string conversationId, int unread)
    {
        var perConversation = _unread.GetOrAdd(agentId, _ => new(StringComparer.Ordinal));
        if (unread == 0)
        {
            return perConversation.TryRemove(conversationId, out _);
        }

        var wasUnread = perConversation.ContainsKey(conversationId);
        perConversation[conversationId] = unread;
        return !wasUnread;
    }

    public CountersPayload For(ConsoleConnection connection)
    {
        var queues = connection.SiteIds.Select(site => _queues.GetValueOrDefault(HubGroups.Site(connection.Agent.WorkspaceId, site))).ToList();
        var agentId = connection.Agent.AgentId;
        return new CountersPayload(
            queues.Sum(q => q.Waiting),
            queues.Sum(q => q.Unassigned),
            _unread.TryGetValue(agentId, out var unread) ? unread.Count : 0,
            _mine.GetValueOrDefault(agentId));
    }
}
