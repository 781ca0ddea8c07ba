using System.Threading.Channels;
using Conversations.Contracts;
using Conversations.Server.Events;

namespace Conversations.Server.Connectors;

/// <summary>Picks the messages a channel user must see out of the grain events and queues them in memory;
/// <see cref="OutboundDispatcher"/> stores each as a delivery before attempting it. Handling never blocks
/// the publishing grain.</summary>
public sealed class OutboundQueue : IConversationEventHandler
{
    private readonly Channel<OutboundRequest> _queue = Channel.CreateUnbounded<OutboundRequest>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<OutboundRequest> Reader => _queue.Reader;

    public void Handle(ConversationEvent conversationEvent)
    {
        // A channel conversation's SiteId is its channel id; its contact id names the provider's user.
        if (conversationEvent is MessageAdded added
            && IsForCustomer(added.Message)
            && ChannelContacts.TryGetUserId(added.SiteId, added.ContactId, out var userId))
        {
            _queue.Writer.TryWrite(new OutboundRequest(added.SiteId, userId, added.Message));
        }
    }

    // The customer's own messages are not echoed back, and notes never reach a customer.
    private static bool IsForCustomer(Message message) =>
        message.Kind != MessageKind.Note && message.Author.Kind != AuthorKind.Customer;
}
