using Conversations.Grains.Persistence;
using Conversations.Storage.Analytics;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Analytics;

public abstract class AnalyticsSinkTests : StorageSuite
{
    [ProviderFact]
    public async Task Record_ManyEvents_WrittenInFewBatchesAndReadBackInOrder()
    {
        await using var db = await NewDatabaseAsync();
        await using var sink = new SqlAnalyticsSink(db.Database, db.Options);
        var start = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);

        for (var i = 0; i < 500; i++)
        {
            sink.Record(new AnalyticsEvent("w1", "message.customer", $"c{i}", i % 2 == 0 ? "a1" : null, start.AddSeconds(i), i == 0 ? """{"x":1}""" : null));
        }

        sink.Record(new AnalyticsEvent("w2", "conversation.waiting", null, null, start));
        await sink.FlushAsync();
        var events = await sink.ReadAsync("w1");

        Assert.Equal(500, events.Count);
        Assert.Equal(new AnalyticsEvent("w1", "message.customer", "c0", "a1", start, """{"x":1}"""), events[0]);
        Assert.Equal(start.AddSeconds(499), events[^1].OccurredAt);
        Assert.InRange(sink.BatchesWritten, 1, 50);
        Assert.Single(await sink.ReadAsync("w2"));
    }
}
