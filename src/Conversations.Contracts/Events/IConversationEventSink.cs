namespace Conversations.Contracts;

/// <summary>Where grains publish every change, one per silo. The edge implements it with SignalR groups
/// (per conversation, agent, site queue, workspace supervisors); it must not block: a grain turn calls it.</summary>
public interface IConversationEventSink
{
    void Publish(ConversationEvent conversationEvent);
}
