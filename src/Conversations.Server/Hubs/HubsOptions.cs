namespace Conversations.Server.Hubs;

/// <summary>The <c>Hubs</c> configuration section.</summary>
public sealed class HubsOptions
{
    /// <summary>Invocations a connection may make per second, on average.</summary>
    public double InvocationsPerSecond { get; set; } = 20;

    /// <summary>Invocations a connection may make in a burst.</summary>
    public int InvocationBurst { get; set; } = 40;

    /// <summary>Largest incoming hub message; a bigger frame closes the connection.</summary>
    public long MaximumReceiveMessageSize { get; set; } = 32 * 1024;
}
