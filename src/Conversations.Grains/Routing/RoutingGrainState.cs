using Conversations.Contracts;

namespace Conversations.Grains.Routing;

/// <summary>The stored queue of a site or channel.</summary>
public sealed class RoutingGrainState
{
    /// <summary>Waiting conversations, in arrival order (service order is computed).</summary>
    public List<QueueEntry> Entries { get; set; } = [];

    /// <summary>The most recent waits in seconds, oldest first, for the moving-average estimate.</summary>
    public List<double> RecentWaitSeconds { get; set; } = [];
}
