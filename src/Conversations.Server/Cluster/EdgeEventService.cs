using Conversations.Contracts;
using Orleans.Concurrency;
using Conversations.Server.Hubs.FanOut;

namespace Conversations.Server.Cluster;

/// <summary>One per silo: hands events published on other silos to this silo's SignalR fan-out, which also
/// rebuilds its counters and audiences from them, so every node's view agrees. Only the fan-out listens:
/// outbound deliveries, mails and metrics act once, on the publishing silo. Also takes other silos'
/// audience announcements, which decide what this silo forwards them.</summary>
public sealed class EdgeEventService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, HubEventFanOut fanOut, RemoteAudiences audiences)
    : GrainService(grainId, silo, loggerFactory), IEdgeEventService
{
    public Task DeliverAsync(Immutable<ConversationEvent[]> events)
    {
        foreach (var conversationEvent in events.Value)
        {
            fanOut.Handle(conversationEvent);
        }

        return Task.CompletedTask;
    }

    public Task AnnounceAsync(AudienceAnnouncement announcement)
    {
        audiences.Apply(announcement.Origin, announcement.Number, announcement.Full, announcement.Added, announcement.Removed);
        return Task.CompletedTask;
    }
}
