using System.Collections.Concurrent;

namespace Conversations.Server.Hubs.Widget;

/// <summary>The visitor a widget connection acts for, set by <c>start</c> from the verified token, and the
/// conversations its contact grain has confirmed it owns, so later calls on them skip that grain. The
/// conversation grain checks its own contact on every customer call as well: this only saves a hop.</summary>
public sealed record VisitorSession(string WorkspaceId, string SiteId, string ContactId)
{
    private readonly ConcurrentDictionary<string, byte> _owned = new(StringComparer.Ordinal);

    public bool Owns(string conversationId) => _owned.ContainsKey(conversationId);

    public void Own(string conversationId) => _owned.TryAdd(conversationId, 0);
}
