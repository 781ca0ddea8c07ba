namespace Conversations.Storage.Connectors;

/// <summary>One outbound webhook delivery of a message to a channel, with its retry state.</summary>
/// <param name="Id">The delivery id, sent to the connector as <c>deliveryId</c>.</param>
/// <param name="ChannelId">The channel whose webhook receives it.</param>
/// <param name="ConversationId">The conversation of the message.</param>
/// <param name="MessageId">The message carried.</param>
/// <param name="Payload">The JSON body, fixed when enqueued so every attempt sends the same bytes.</param>
/// <param name="Attempts">Attempts started so far.</param>
/// <param name="NextAttemptAt">When the next attempt is due (or the current attempt's lease ends).</param>
/// <param name="Status">One of <see cref="DeliveryStatus"/>.</param>
/// <param name="LastError">Why the last attempt failed.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
public sealed record OutboundDelivery(
    string Id,
    string ChannelId,
    string ConversationId,
    string MessageId,
    string Payload,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string Status,
    string? LastError,
    DateTimeOffset CreatedAt);
