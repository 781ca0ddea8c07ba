using System.Collections.Concurrent;
using Conversations.Contracts;

namespace Conversations.Server.Hubs.FanOut;

/// <summary>Who follows a conversation's message stream on the console: its assigned agent and the
/// connections watching it. Site-wide lists need only the summary rows, so once a conversation has an
/// agent its messages and typing go to these connections instead of every agent of the site — the
/// difference between one send and one per agent on the site, for every message.</summary>
public sealed class ConversationAudience
{
    private readonly ConcurrentDictionary<string, string> _assigned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, AgentRef>> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _watchedBy = new(StringComparer.Ordinal);

    /// <summary>The assigned agent, as the latest summary row said; null while unassigned.</summary>
    public string? AssignedAgent(string conversationId) => _assigned.GetValueOrDefault(conversationId);

    /// <summary>Follows the summary rows: a closed or unassigned conversation forgets its agent.</summary>
    public void SetAssigned(string conversationId, string? agentId)
    {
        if (agentId is null)
        {
            _assigned.TryRemove(conversationId, out _);
        }
        else
        {
            _assigned[conversationId] = agentId;
        }
    }

    /// <summary>The connection of <paramref name="agent"/> now follows the conversation.</summary>
    public void Watch(string conversationId, string connectionId, AgentRef agent)
    {
        _watchers.GetOrAdd(conversationId, _ => new(StringComparer.Ordinal))[connectionId] = agent;
        _watchedBy.GetOrAdd(connectionId, _ => new(StringComparer.Ordinal))[conversationId] = 0;
    }

    public void Unwatch(string conversationId, string connectionId)
    {
        if (_watchers.TryGetValue(conversationId, out var watchers))
        {
            watchers.TryRemove(connectionId, out _);
        }

        if (_watchedBy.TryGetValue(connectionId, out var watched))
        {
            watched.TryRemove(conversationId, out _);
        }
    }

    /// <summary>Forgets a closed connection's watches; returns the conversations it was watching.</summary>
    public IReadOnlyList<string> RemoveConnection(string connectionId)
    {
        if (!_watchedBy.TryRemove(connectionId, out var watched))
        {
            return [];
        }

        foreach (var conversationId in watched.Keys)
        {
            Unwatch(conversationId, connectionId);
        }

        return [.. watched.Keys];
    }

    /// <summary>The agents viewing a conversation right now, once each however many consoles they have open.</summary>
    public IReadOnlyList<AgentRef> Viewers(string conversationId) =>
        _watchers.TryGetValue(conversationId, out var watchers)
            ? [.. watchers.Values.DistinctBy(a => a.Id, StringComparer.Ordinal).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)]
            : [];

    /// <summary>The connections watching a conversation, as a snapshot; the shared empty list for the common
    /// conversation nobody watches, which the fan-out asks about with every message.</summary>
    public IReadOnlyList<string> Watchers(string conversationId) =>
        _watchers.TryGetValue(conversationId, out var watchers) ? [.. watchers.Keys] : [];
}
