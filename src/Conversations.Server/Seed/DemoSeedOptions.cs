namespace Conversations.Server.Seed;

/// <summary>The <c>Seed</c> configuration section.</summary>
public sealed class DemoSeedOptions
{
    /// <summary>Seed the demo on an empty database.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>The demo users' password.</summary>
    public string Password { get; set; } = "demo-password";

    /// <summary>The signing secret of the <c>api-demo</c> channel.</summary>
    public string ConnectorSecret { get; set; } = "demo-connector-secret";

    /// <summary>Where the <c>api-demo</c> channel posts outbound messages; none when empty.</summary>
    public string? ConnectorWebhookUrl { get; set; }
}
