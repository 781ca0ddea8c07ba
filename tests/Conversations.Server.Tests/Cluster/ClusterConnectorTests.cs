using System.Text.Json;
using Conversations.Server.Tests.Connectors;
using Conversations.Storage.Connectors;
using Conversations.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Cluster;

/// <summary>Connectors on two nodes over one PostgreSQL database: each outbound delivery goes out from one
/// node once.</summary>
public sealed class ClusterConnectorTests
{
    [PostgresFact]
    public async Task OutboundDeliveries_TwoNodesDispatching_EachWebhookDeliveredExactlyOnce()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var first = Node(database, webhook);
        await using var second = Node(database, webhook);
        _ = first.BaseAddress;
        _ = second.BaseAddress;
        var store = first.Services.GetRequiredService<SqlOutboundDeliveryStore>();
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 150).Select(i => $"dlv_cluster_{i:D3}").ToList();

        // Stored straight into the table both dispatchers claim from, as either node's queue would store them.
        foreach (var id in ids)
        {
            await store.EnqueueAsync(new OutboundDelivery(
                id, ConnectorServer.ChannelId, "c-cluster", $"m-{id}", JsonSerializer.Serialize(new { type = "message", deliveryId = id }), 0, now, DeliveryStatus.Pending, null, now));
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (webhook.Received.Count(r => r.AnsweredStatus == 200) < ids.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // Long enough for a second claim of any row to have been attempted too.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var delivered = webhook.Received.Select(r => r.DeliveryId).ToList();
        Assert.Equal(ids, delivered.Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            Assert.Equal(DeliveryStatus.Delivered, (await store.GetAsync(id))!.Status);
        }
    }

    private static PostgresNode Node(TestPostgres database, WebhookReceiver webhook) => new(database.ConnectionString, new Dictionary<string, string?>
    {
        ["Seed:ConnectorSecret"] = ConnectorServer.Secret,
        ["Seed:ConnectorWebhookUrl"] = webhook.Url.ToString(),
        ["Connectors:Outbound:Timeout"] = "00:00:02",
        ["Connectors:Outbound:PollInterval"] = "00:00:00.100",
        ["Connectors:Outbound:BatchSize"] = "10",
    });
}
