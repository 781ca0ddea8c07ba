namespace Conversations.Contracts;

/// <summary>A customer (key: contact id, which the edge derives from the visitor token or from
/// channel and provider user id). It is the customer's entry point: it owns the atomic get-or-create
/// of the open conversation per site or channel and checks conversation ownership.</summary>
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>Resumes the open conversation on the site, or starts one; concurrent calls give one.</summary>
    Task<ConversationSnapshot> StartAsync(ContactStart command);

    /// <summary>Stores a widget message; into a new conversation when the old one is closed and the
    /// site's policy says so.</summary>
    Task<Message> SendAsync(ContactMessage command);

    /// <summary>Stores a connector's message into the open channel conversation, idempotent by provider id.</summary>
    Task<InboundResult> ReceiveInboundAsync(InboundMessage command);

    /// <summary>Throws <see cref="DomainErrors.NotOwner"/> unless this contact owns the conversation.</summary>
    Task EnsureOwnsAsync(string conversationId);

    Task<ContactView> GetAsync();

    Task<ContactView> UpdateAsync(ContactProfileUpdate update);

    /// <summary>A widget connection opened; presence is the count of live connections.</summary>
    Task ConnectedAsync();

    Task DisconnectedAsync();
}
