using Conversations.Testing.Hosting;

namespace Conversations.Server.Tests.Connectors;

/// <summary>The real server with the demo channel's webhook pointing at a test receiver and quick retries.
/// The data folder is the caller's, so a second server over it is a restart.</summary>
public sealed class ConnectorServer : KestrelServerFixture<Program>
{
    public const string ChannelId = "api-demo";
    public const string Secret = "test-connector-secret";

    public ConnectorServer(string dataDirectory, Uri webhookUrl)
    {
        TestStorage.Configure(Settings, dataDirectory);
        Settings["Seed:ConnectorSecret"] = Secret;
        Settings["Seed:ConnectorWebhookUrl"] = webhookUrl.ToString();
        Settings["Connectors:Outbound:BaseDelay"] = "00:00:00.100";
        Settings["Connectors:Outbound:MaxDelay"] = "00:00:00.500";
        Settings["Connectors:Outbound:Timeout"] = "00:00:02";
        Settings["Connectors:Outbound:PollInterval"] = "00:00:00.200";

        // The test webhook listens on 127.0.0.1, which production refuses.
        Settings["Connectors:Outbound:AllowPrivateNetworks"] = "true";

        // Every test connects from 127.0.0.1: the abuse budgets would otherwise count them all as one script.
        foreach (var (key, value) in AbuseSettings.Generous)
        {
            Settings[key] = value;
        }
    }
}
