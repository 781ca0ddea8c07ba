using Conversations.Grains.Persistence;
using Conversations.Storage.Analytics;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Analytics;

public abstract class AnalyticsReaderTests : StorageSuite
{
    [ProviderFact]
    public async Task CountByType_CountsTheWorkspacesEventsInThePeriodOnly()
    {
        await using var db = await NewDatabaseAsync();
        await using var sink = new SqlAnalyticsSink(db.Database, db.Options);
        var start = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
        sink.Record(new AnalyticsEvent("w1", "message.customer", "c1", null, start));
        sink.Record(new AnalyticsEvent("w1", "message.customer", "c1", null, start.AddMinutes(1)));
        sink.Record(new AnalyticsEvent("w1", "conversation.waiting", "c1", null, start.AddMinutes(2)));
        sink.Record(new AnalyticsEvent("w1", "message.customer", "c2", null, start.AddDays(2)));
        sink.Record(new AnalyticsEvent("w2", "message.customer", "c3", null, start));
        await sink.FlushAsync();

        var counts = await new SqlAnalyticsReader(db.Database).CountByTypeAsync("w1", start, start.AddDays(1));

        Assert.Equal([new EventTypeCount("conversation.waiting", 1), new EventTypeCount("message.customer", 2)], counts);
    }
}
