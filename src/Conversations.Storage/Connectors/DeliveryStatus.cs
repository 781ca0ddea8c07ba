namespace Conversations.Storage.Connectors;

/// <summary>Where an outbound delivery stands.</summary>
public static class DeliveryStatus
{
    /// <summary>Waiting for its next attempt (or being attempted under a lease).</summary>
    public const string Pending = "pending";

    /// <summary>The webhook answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>Given up after the last attempt.</summary>
    public const string Failed = "failed";
}
