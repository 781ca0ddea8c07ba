using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>The waiting queue of one site or channel (key: <see cref="RoutingKeys.ForSite"/>).
/// Every call into it from a conversation or an agent is one way, and it offers conversations to agents
/// one way too: no two grains ever wait on each other.</summary>
public interface IRoutingGrain : IGrainWithStringKey
{
    /// <summary>Adds (or re-prioritises) a waiting conversation and tries to assign.</summary>
    [OneWay]
    Task EnqueueAsync(QueueEntry entry);

    /// <summary>The conversation left the queue (taken, assigned, closed, back to the bot).</summary>
    [OneWay]
    Task RemoveAsync(string conversationId, bool assigned);

    /// <summary>The agent an offer went to could not take the conversation (full, offline, unlicensed since
    /// routing read it): the conversation is offered again.</summary>
    [OneWay]
    Task DeclineAsync(string conversationId, string agentId);

    /// <summary>Capacity or an agent's availability changed: try to assign.</summary>
    [OneWay]
    Task DispatchAsync();

    Task<QueueView> GetQueueAsync();
}
