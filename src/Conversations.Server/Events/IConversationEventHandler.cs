using Conversations.Contracts;

namespace Conversations.Server.Events;

/// <summary>One consumer of grain events at the edge (SignalR fan-out, outbound connector deliveries…).
/// Called on the publishing grain's turn: it must not block; slow work goes to a queue of its own.</summary>
public interface IConversationEventHandler
{
    void Handle(ConversationEvent conversationEvent);
}
