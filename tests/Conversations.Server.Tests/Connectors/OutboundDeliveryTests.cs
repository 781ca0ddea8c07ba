using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Storage.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Connectors;

public sealed class OutboundDeliveryTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));
    private WebhookReceiver _webhook = null!;

    public async Task InitializeAsync() => _webhook = await WebhookReceiver.StartAsync();

    [Fact]
    public async Task Deliver_WebhookFailsTwice_RetriesThenDeliversEachMessageOnce()
    {
        await using var server = new ConnectorServer(_dataDirectory, _webhook.Url);
        using var client = new ConnectorClient(server.CreateHttpClient());
        _webhook.FailNext(2);

        var conversationId = await SendAsync(client);

        var deliveries = await WaitDeliveredAsync(server.Services.GetRequiredService<SqlOutboundDeliveryStore>(), conversationId);
        var calls = _webhook.Received.Where(r => ConversationOf(r) == conversationId).ToList();
        Assert.Equal(2, calls.Count(r => r.AnsweredStatus == 503));
        Assert.All(deliveries, d => Assert.Single(calls, r => r.DeliveryId == d.Id && r.AnsweredStatus == 200));
        Assert.Equal(deliveries.Count + 2, deliveries.Sum(d => d.Attempts));
    }

    [Fact]
    public async Task Deliver_PendingAcrossRestart_DeliveredByNextServer()
    {
        _webhook.Down = true;
        string conversationId;
        await using (var first = new ConnectorServer(_dataDirectory, _webhook.Url))
        {
            using var client = new ConnectorClient(first.CreateHttpClient());
            conversationId = await SendAsync(client);
            await WaitUntilAsync(() => _webhook.Received.Any(r => ConversationOf(r) == conversationId));
        }

        var refused = _webhook.Received.Where(r => ConversationOf(r) == conversationId).Select(r => r.DeliveryId).ToHashSet();
        _webhook.Down = false;
        await using var second = new ConnectorServer(_dataDirectory, _webhook.Url);
        _ = second.BaseAddress;

        await _webhook.WaitForAsync(r => refused.Contains(r.DeliveryId));
        Assert.All(await WaitDeliveredAsync(second.Services.GetRequiredService<SqlOutboundDeliveryStore>(), conversationId), d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
    }

    public async Task DisposeAsync()
    {
        await _webhook.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task<string> SendAsync(ConnectorClient client)
    {
        var (messageId, userId) = InboundMessageTests.NewIds();
        using var response = await client.PostMessageAsync(new { messageId, from = new { id = userId }, text = "hello" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
    }

    private static async Task<IReadOnlyList<OutboundDelivery>> WaitDeliveredAsync(SqlOutboundDeliveryStore store, string conversationId)
    {
        IReadOnlyList<OutboundDelivery> deliveries = [];
        await WaitUntilAsync(async () =>
        {
            deliveries = await store.ListByConversationAsync(conversationId);
            return deliveries.Count > 0 && deliveries.All(d => d.Status == DeliveryStatus.Delivered);
        });
        return deliveries;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(50);
        }
    }

    private static string? ConversationOf(ReceivedWebhook call) => call.Json.GetProperty("conversationId").GetString();
}
