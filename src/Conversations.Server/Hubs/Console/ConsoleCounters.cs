using System.Collections.Concurrent;
using Conversations.Server.Hubs.Payloads;

namespace Conversations.Server.Hubs.Console;

/// <summary>The latest numbers behind the console's <c>counters</c>, kept from grain events: queue
/// sizes per site, live conversations per agent, and conversations with unread customer messages per agent.</summary>
public sealed class ConsoleCounters
{
    private readonly ConcurrentDictionary<string, (int Waiting, int Unassigned)> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _mine = new(StringComparer.Ordinal);
    // Per agent, its conversations with unread messages (a set under its own lock: a ConcurrentDictionary's
    // Count takes all its locks, and the counters are read for every connection an event reaches).
    private readonly ConcurrentDictionary<string, HashSet<string>> _unread = new(StringComparer.Ordinal);

    public void SetQueue(string workspaceId, string siteId, int waiting, int unassigned) =>
        _queues[HubGroups.Site(workspaceId, siteId)] = (waiting, unassigned);

    public void SetMine(string agentId, int active) => _mine[agentId] = active;

    /// <summary>Records whether the agent has unread messages in a conversation; true when the agent's <c>unread</c> counter
    /// (conversations with unread messages) changed, that is when the conversation became read or unread. A
    /// further message in an unread conversation changes its row, not the counters.</summary>
    public bool SetUnread(string agentId, string conversationId, int unread)
    {
        var conversations = _unread.GetOrAdd(agentId, _ => new(StringComparer.Ordinal));
        lock (conversations)
        {
            return unread == 0 ? conversations.Remove(conversationId) : conversations.Add(conversationId);
        }
    }

    public CountersPayload For(ConsoleConnection connection)
    {
        var queues = connection.SiteIds.Select(site => _queues.GetValueOrDefault(HubGroups.Site(connection.Agent.WorkspaceId, site))).ToList();
        var agentId = connection.Agent.AgentId;
        return new CountersPayload(
            queues.Sum(q => q.Waiting),
            queues.Sum(q => q.Unassigned),
            UnreadOf(agentId),
            _mine.GetValueOrDefault(agentId));
    }

    private int UnreadOf(string agentId)
    {
        if (!_unread.TryGetValue(agentId, out var conversations))
        {
            return 0;
        }

        lock (conversations)
        {
            return conversations.Count;
        }
    }
}
