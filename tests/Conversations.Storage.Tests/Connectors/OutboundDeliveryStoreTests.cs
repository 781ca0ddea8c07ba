using Conversations.Storage.Connectors;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Connectors;

public abstract class OutboundDeliveryStoreTests : StorageSuite
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [ProviderFact]
    public async Task EnqueueAsync_SameIdTwice_StoresOncePendingWithPendingStatus()
    {
        await using var db = await NewDatabaseAsync();
        var store = new SqlOutboundDeliveryStore(db.Database);

        Assert.True(await store.EnqueueAsync(Delivery("d1", "m1")));
        Assert.False(await store.EnqueueAsync(Delivery("d1", "m1")));

        var stored = await store.GetAsync("d1");
        Assert.Equal(Delivery("d1", "m1"), stored);
        Assert.Equal(MessageStatus.Pending, await store.GetStatusAsync("ch", "m1"));
    }

    [ProviderFact]
    public async Task ClaimDueAsync_TwoClaimants_EachDueRowClaimedOnceAndLeased()
    {
        await using var db = await NewDatabaseAsync();
        var store = new SqlOutboundDeliveryStore(db.Database);
        var other = new SqlOutboundDeliveryStore(db.Open());
        await store.EnqueueAsync(Delivery("d1", "m1"));
        await store.EnqueueAsync(Delivery("d2", "m2") with { NextAttemptAt = Now.AddMinutes(5) });

        var first = await store.ClaimDueAsync(Now, Now.AddSeconds(30), 10);
        var second = await other.ClaimDueAsync(Now, Now.AddSeconds(30), 10);

        var claimed = Assert.Single(first);
        Assert.Equal(("d1", 1, Now.AddSeconds(30)), (claimed.Id, claimed.Attempts, claimed.NextAttemptAt));
        Assert.Empty(second);
        Assert.Equal(Now.AddSeconds(30), await store.NextDueAtAsync());
    }

    [ProviderFact]
    public async Task RetryThenComplete_Delivery_IsDeliveredAndMessageSent()
    {
        await using var db = await NewDatabaseAsync();
        var store = new SqlOutboundDeliveryStore(db.Database);
        await store.EnqueueAsync(Delivery("d1", "m1"));
        var attempt = Assert.Single(await store.ClaimDueAsync(Now, Now.AddSeconds(30), 10));

        await store.RetryAsync(attempt, Now.AddSeconds(2), "HTTP 503");
        Assert.Empty(await store.ClaimDueAsync(Now.AddSeconds(1), Now.AddSeconds(31), 10));
        var retry = Assert.Single(await store.ClaimDueAsync(Now.AddSeconds(2), Now.AddSeconds(32), 10));
        await store.CompleteAsync(retry, Now.AddSeconds(3));

        var stored = await store.GetAsync("d1");
        Assert.Equal((DeliveryStatus.Delivered, 2, (string?)null), (stored!.Status, stored.Attempts, stored.LastError));
        Assert.Equal(MessageStatus.Sent, await store.GetStatusAsync("ch", "m1"));
        Assert.Null(await store.NextDueAtAsync());
    }

    [ProviderFact]
    public async Task FailAsync_Delivery_IsFailedWithItsError()
    {
        await using var db = await NewDatabaseAsync();
        var store = new SqlOutboundDeliveryStore(db.Database);
        await store.EnqueueAsync(Delivery("d1", "m1"));
        var attempt = Assert.Single(await store.ClaimDueAsync(Now, Now.AddSeconds(30), 10));

        await store.FailAsync(attempt, "HTTP 500", Now);

        var stored = await store.GetAsync("d1");
        Assert.Equal((DeliveryStatus.Failed, "HTTP 500"), (stored!.Status, stored.LastError));
        Assert.Equal(MessageStatus.Failed, await store.GetStatusAsync("ch", "m1"));
        Assert.Empty(await store.ClaimDueAsync(Now.AddHours(1), Now.AddHours(2), 10));
    }

    [ProviderFact]
    public async Task AdvanceStatusAsync_OutOfOrder_NeverMovesBackwards()
    {
        await using var db = await NewDatabaseAsync();
        var store = new SqlOutboundDeliveryStore(db.Database);
        await store.EnqueueAsync(Delivery("d1", "m1"));

        Assert.Equal(MessageStatus.Read, await store.AdvanceStatusAsync("ch", "m1", MessageStatus.Read, Now));
        Assert.Equal(MessageStatus.Read, await store.AdvanceStatusAsync("ch", "m1", MessageStatus.Delivered, Now));
        Assert.Equal(MessageStatus.Read, await store.AdvanceStatusAsync("ch", "m1", MessageStatus.Failed, Now));
        Assert.Null(await store.AdvanceStatusAsync("ch", "unknown", MessageStatus.Read, Now));
        Assert.Null(await store.AdvanceStatusAsync("other-channel", "m1", MessageStatus.Read, Now));
    }

    [ProviderFact]
    public async Task ClaimDueAsync_FourNodesClaimingAtOnce_EveryDueRowClaimedExactlyOnce()
    {
        await using var db = await NewDatabaseAsync();
        var store = new SqlOutboundDeliveryStore(db.Database);
        var ids = Enumerable.Range(0, 120).Select(i => $"d{i:D3}").ToList();
        foreach (var id in ids)
        {
            await store.EnqueueAsync(Delivery(id, $"m-{id}"));
        }

        var nodes = Enumerable.Range(0, 4).Select(_ => new SqlOutboundDeliveryStore(db.Open())).ToList();
        var claims = await Task.WhenAll(nodes.Select(async node =>
        {
            var mine = new List<string>();
            while (await node.ClaimDueAsync(Now, Now.AddSeconds(30), 7) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(d => d.Id));
            }

            return mine;
        }));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(ids, all.Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            Assert.Equal(1, (await store.GetAsync(id))!.Attempts);
        }
    }

    [ProviderFact]
    public async Task CompleteAsync_AfterItsLeaseWasReclaimed_LeavesTheNewClaimInCharge()
    {
        await using var db = await NewDatabaseAsync();
        var store = new SqlOutboundDeliveryStore(db.Database);
        await store.EnqueueAsync(Delivery("d1", "m1"));
        var stale = Assert.Single(await store.ClaimDueAsync(Now, Now.AddSeconds(30), 10));
        var current = Assert.Single(await store.ClaimDueAsync(Now.AddSeconds(31), Now.AddSeconds(61), 10));

        await store.FailAsync(stale, "HTTP 500", Now.AddSeconds(40));
        await store.RetryAsync(stale, Now.AddSeconds(41), "HTTP 503");

        var stored = await store.GetAsync("d1");
        Assert.Equal((DeliveryStatus.Pending, 2, Now.AddSeconds(61)), (stored!.Status, stored.Attempts, stored.NextAttemptAt));
        Assert.Equal(MessageStatus.Pending, await store.GetStatusAsync("ch", "m1"));
        await store.CompleteAsync(current, Now.AddSeconds(42));
        Assert.Equal(DeliveryStatus.Delivered, (await store.GetAsync("d1"))!.Status);
        Assert.Equal(MessageStatus.Sent, await store.GetStatusAsync("ch", "m1"));
    }

    private static OutboundDelivery Delivery(string id, string messageId) =>
        new(id, "ch", "c1", messageId, """{"type":"message"}""", 0, Now, DeliveryStatus.Pending, null, Now);
}
