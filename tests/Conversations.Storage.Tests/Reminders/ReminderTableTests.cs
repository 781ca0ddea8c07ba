using Conversations.Actors;
using Conversations.Storage.Reminders;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Reminders;

public abstract class ReminderTableTests : StorageSuite
{
    private static readonly GrainId Grain = new("conversation", "c1");
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [ProviderFact]
    public async Task UpsertAsync_ThenRead_ReturnsEntry_AndReplacesSameName()
    {
        await using var db = await NewDatabaseAsync();
        var table = new SqlReminderTable(db.Database);

        await table.UpsertAsync(new ReminderEntry(Grain, "sla", Start, TimeSpan.FromMinutes(1)), default);
        await table.UpsertAsync(new ReminderEntry(Grain, "sla", Start.AddHours(1), TimeSpan.FromMinutes(5)), default);
        await table.UpsertAsync(new ReminderEntry(new GrainId("conversation", "c2"), "idle", Start, TimeSpan.FromSeconds(30)), default);

        var mine = await table.ReadAsync(Grain, default);
        var all = await table.ReadAllAsync(default);
        Assert.Equal([new ReminderEntry(Grain, "sla", Start.AddHours(1), TimeSpan.FromMinutes(5))], mine);
        Assert.Equal(2, all.Count);
    }

    [ProviderFact]
    public async Task RemoveAsync_Existing_TrueThenFalse()
    {
        await using var db = await NewDatabaseAsync();
        var table = new SqlReminderTable(db.Database);
        await table.UpsertAsync(new ReminderEntry(Grain, "sla", Start, TimeSpan.FromMinutes(1)), default);

        Assert.True(await table.RemoveAsync(Grain, "sla", default));
        Assert.False(await table.RemoveAsync(Grain, "sla", default));
        Assert.Empty(await table.ReadAllAsync(default));
    }
}
