namespace Conversations.Storage.Connectors;

/// <summary>How far an outbound message got on its channel. Statuses only move forward:
/// pending → sent (webhook 2xx) → delivered → read. <c>failed</c> is accepted only before the customer
/// has the message (pending or sent), because a provider's later "failed" cannot undo a delivery or a read
/// it already reported; once failed, nothing moves it again.</summary>
public static class MessageStatus
{
    public const string Pending = "pending";

    public const string Sent = "sent";

    public const string Delivered = "delivered";

    public const string Read = "read";

    public const string Failed = "failed";

    /// <summary>The statuses a message may be in for <paramref name="status"/> to replace it.</summary>
    public static IReadOnlyList<string> AllowedFrom(string status) => status switch
    {
        Sent => [Pending],
        Delivered => [Pending, Sent],
        Read => [Pending, Sent, Delivered],
        Failed => [Pending, Sent],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown message status."),
    };
}
