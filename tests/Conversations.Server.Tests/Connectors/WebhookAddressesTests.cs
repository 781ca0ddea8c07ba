using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Server.Connectors;
using Conversations.Server.Tests.Api;
using Conversations.Storage.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Connectors;

public sealed class WebhookAddressesTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.20.0.1/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    public async Task SaveChannel_InternalWebhookAddress_Returns400NamingWebhookUrl(string url)
    {
        using var admin = await api.SignInAsync("admin@demo.test");

        using var response = await admin.PostAsJsonAsync("/api/channels", new { id = $"ch-{Guid.NewGuid():N}"[..20], name = "X", webhookUrl = url });

        await ApiJson.AssertInvalidAsync(response, "webhookUrl");
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::", false)]
    [InlineData("ff02::1", false)]
    public void IsPublic_Address_Classified(string address, bool expected) =>
        Assert.Equal(expected, WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task Deliver_NameResolvingToLoopbackByDefault_NeverSent()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));

        // The seed bypasses the save-time check, as a DNS name re-pointed after saving would: the connect step refuses it.
        await using (var server = new ConnectorServer(dataDirectory, new UriBuilder(webhook.Url) { Host = "localhost" }.Uri))
        {
            server.Settings["Connectors:Outbound:AllowPrivateNetworks"] = "false";
            using var client = new ConnectorClient(server.CreateHttpClient());
            var (messageId, userId) = InboundMessageTests.NewIds();
            using var response = await client.PostMessageAsync(new { messageId, from = new { id = userId }, text = "hello" });
            var conversationId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
            var store = server.Services.GetRequiredService<SqlOutboundDeliveryStore>();

            IReadOnlyList<OutboundDelivery> deliveries = [];
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!deliveries.Any(d => d.LastError is not null) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                deliveries = await store.ListByConversationAsync(conversationId);
            }

            Assert.Contains(deliveries, d => d.LastError?.Contains("no public address", StringComparison.Ordinal) == true);
            Assert.Empty(webhook.Received);
        }

        Directory.Delete(dataDirectory, recursive: true);
    }
}
