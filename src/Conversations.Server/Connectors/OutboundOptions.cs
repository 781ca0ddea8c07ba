namespace Conversations.Server.Connectors;

/// <summary>The <c>Connectors:Outbound</c> section: how webhook deliveries are attempted and retried.</summary>
public sealed class OutboundOptions
{
    /// <summary>Attempts before a delivery is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The delay before the second attempt; it doubles with each further attempt.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one webhook call may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due deliveries when nothing wakes it sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries claimed at once.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Conversations delivered to in parallel (one conversation's messages go in order).</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>Whether webhooks may target loopback, private, link-local, unspecified or multicast
    /// addresses; off by default (request forgery into the server's network), on for local development.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
