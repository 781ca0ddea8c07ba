using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>The waiting queue of one site or channel (key: <see cref="RoutingKeys.ForSite"/>).
/// Conversations and agents tell it about changes one way, so that it can call them back without
/// two grains ever waiting on each other.</summary>
public interface IRoutingGrain : IGrainWithStringKey
{
    /// <summary>Adds (or re-prioritises) a waiting conversation and tries to assign.</summary>
    [OneWay]
    Task EnqueueAsync(QueueEntry entry);

    /// <summary>The conversation left the queue (taken, assigned, closed, back to the bot).</summary>
    [OneWay]
    Task RemoveAsync(string conversationId, bool assigned);

    /// <summary>Capacity or an agent's availability changed: try to assign.</summary>
    [OneWay]
    Task DispatchAsync();

    Task<QueueView> GetQueueAsync();
}
