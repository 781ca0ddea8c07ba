using Conversations.Contracts;
using Orleans.Concurrency;
using Orleans.Services;

namespace Conversations.Server.Cluster;

/// <summary>The per-silo receiver of grain events published on other silos: what it receives goes to this
/// silo's SignalR fan-out, so a client connected anywhere hears a grain living anywhere.</summary>
[Alias("Conversations.Server.Cluster.IEdgeEventService")]
public interface IEdgeEventService : IGrainService
{
    /// <summary>Events of one publishing silo, in the order it published them. Awaited by the sender, so the
    /// next batch to this silo leaves only after this one was handed over: order holds per origin even
    /// though Orleans does not promise it for one-way messages.</summary>
    [Alias("Deliver")]
    Task DeliverAsync(Immutable<ConversationEvent[]> events);

    /// <summary>What the connections of another silo follow, so this silo forwards it only their events.</summary>
    [Alias("Announce")]
    Task AnnounceAsync(AudienceAnnouncement announcement);
}
