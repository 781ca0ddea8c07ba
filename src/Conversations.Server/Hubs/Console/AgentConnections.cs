using System.Collections.Concurrent;
using Conversations.Server.Security;

namespace Conversations.Server.Hubs.Console;

/// <summary>The console connections of this node by agent. Revoking or deleting an agent calls
/// <see cref="DisconnectAsync"/>: the cookie is checked on every HTTP request, but an open WebSocket
/// is not an HTTP request any more, so it must be closed here.</summary>
public sealed class AgentConnections : IAgentSessionRevoker
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ConsoleConnection>> _byAgent = new(StringComparer.Ordinal);

    public void Add(ConsoleConnection connection) =>
        _byAgent.GetOrAdd(connection.Agent.AgentId, _ => new(StringComparer.Ordinal))[connection.ConnectionId] = connection;

    public void Remove(string agentId, string connectionId)
    {
        if (_byAgent.TryGetValue(agentId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    /// <summary>The agent's live connections on this node.</summary>
    public IReadOnlyList<ConsoleConnection> Of(string agentId) =>
        _byAgent.TryGetValue(agentId, out var connections) ? [.. connections.Values] : [];

    /// <summary>The agents connected here who receive a site's events.</summary>
    public IReadOnlyList<ConsoleConnection> OnSite(string workspaceId, string siteId) =>
        [.. _byAgent.Values.SelectMany(c => c.Values).Where(c => c.Agent.WorkspaceId == workspaceId && c.SiteIds.Contains(siteId))];

    /// <summary>Closes every console connection of the agent; returns how many were closed.</summary>
    public Task<int> DisconnectAsync(string agentId)
    {
        if (!_byAgent.TryRemove(agentId, out var connections))
        {
            return Task.FromResult(0);
        }

        foreach (var connection in connections.Values)
        {
            connection.Context.Abort();
        }

        return Task.FromResult(connections.Count);
    }

    /// <inheritdoc/>
    public Task RevokeAsync(string agentId, CancellationToken cancellationToken = default) => DisconnectAsync(agentId);
}
