using Conversations.Storage.Reminders;
using Conversations.Storage.Tests.Support;
using Dapper;

namespace Conversations.Storage.Tests.Reminders;

public abstract class ReminderTableTests : StorageSuite
{
    private static readonly GrainId Grain = GrainId.Create("ConversationGrain", "c1");
    private static readonly DateTime Start = new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    [ProviderFact]
    public async Task UpsertRow_ThenReadRow_ReplacesSameNameAndBumpsETag()
    {
        await using var db = await NewDatabaseAsync();
        var table = new SqlReminderTable(db.Database);

        var first = await table.UpsertRow(Entry(Grain, "sla", Start, TimeSpan.FromMinutes(1)));
        var second = await table.UpsertRow(Entry(Grain, "sla", Start.AddHours(1), TimeSpan.FromMinutes(5)));
        await table.UpsertRow(Entry(GrainId.Create("ConversationGrain", "c2"), "idle", Start, TimeSpan.FromSeconds(30)));

        var row = await table.ReadRow(Grain, "sla");
        var mine = await table.ReadRows(Grain);
        Assert.NotEqual(first, second);
        Assert.NotNull(row);
        Assert.Equal((Grain, "sla", Start.AddHours(1), TimeSpan.FromMinutes(5), second), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Single(mine.Reminders);
        Assert.Null(await table.ReadRow(Grain, "missing"));
    }

    [ProviderFact]
    public async Task ReadRows_RingRange_ReturnsTheGrainsWhoseHashFallsInIt()
    {
        await using var db = await NewDatabaseAsync();
        var table = new SqlReminderTable(db.Database);
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("ConversationGrain", $"c{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "sla", Start, TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var (begin, end) = (hashes[9], hashes[29]);
        var inside = await table.ReadRows(begin, end);
        var wrapped = await table.ReadRows(end, begin);
        var whole = await table.ReadRows(0, 0);

        // (begin, end] holds 20 of them; the wrapped range (end, begin] the other 20; (0, 0] the whole ring.
        Assert.Equal(20, inside.Reminders.Count);
        Assert.All(inside.Reminders, r => Assert.InRange(r.GrainId.GetUniformHashCode(), begin + 1, end));
        Assert.Equal(20, wrapped.Reminders.Count);
        Assert.Empty(inside.Reminders.Select(r => r.GrainId).Intersect(wrapped.Reminders.Select(r => r.GrainId)));
        Assert.Equal(40, whole.Reminders.Count);
    }

    [ProviderFact]
    public async Task RemoveRow_StaleETagRefused_CurrentETagRemoves()
    {
        await using var db = await NewDatabaseAsync();
        var table = new SqlReminderTable(db.Database);
        var stale = await table.UpsertRow(Entry(Grain, "sla", Start, TimeSpan.FromMinutes(1)));
        var current = await table.UpsertRow(Entry(Grain, "sla", Start, TimeSpan.FromMinutes(2)));

        Assert.False(await table.RemoveRow(Grain, "sla", stale!));
        Assert.True(await table.RemoveRow(Grain, "sla", current!));
        Assert.False(await table.RemoveRow(Grain, "sla", current!));
        Assert.Empty((await table.ReadRows(Grain)).Reminders);
    }

    [ProviderFact]
    public async Task Init_RowsStoredBeforeTheHashColumn_GetOrleansHash()
    {
        await using var db = await NewDatabaseAsync();
        var table = new SqlReminderTable(db.Database);
        await table.UpsertRow(Entry(Grain, "sla", Start, TimeSpan.FromMinutes(1)));
        await using (var connection = await db.Database.OpenAsync(default))
        {
            await connection.ExecuteAsync("UPDATE reminders SET grain_hash = NULL");
        }

        await table.Init();

        var hash = Grain.GetUniformHashCode();
        Assert.Single((await table.ReadRows(hash - 1, hash)).Reminders);
    }

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };
}
