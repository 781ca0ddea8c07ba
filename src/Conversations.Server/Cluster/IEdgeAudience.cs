namespace Conversations.Server.Cluster;

/// <summary>What this silo's hub connections follow (<see cref="AudienceKeys"/>), so that other silos forward
/// this silo only the events it has an audience for. A hub awaits <see cref="FollowAsync"/> before it reads
/// the state the key's events will update: once it returns, every other silo forwards those events here.</summary>
public interface IEdgeAudience
{
    /// <summary>The connection follows <paramref name="keys"/>; completes once every other silo knows
    /// (or did not answer within a second, and is then told again until it does).</summary>
    Task FollowAsync(string connectionId, IReadOnlyList<string> keys);

    /// <summary>This silo follows <paramref name="key"/> for as long as it runs, whatever its connections do.</summary>
    Task HoldAsync(string key);

    /// <summary>The connection no longer follows <paramref name="key"/>.</summary>
    void Unfollow(string connectionId, string key);

    /// <summary>The connection closed: it follows nothing any more.</summary>
    void Disconnected(string connectionId);
}
