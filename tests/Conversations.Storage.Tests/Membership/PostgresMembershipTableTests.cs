using System.Net;
using Conversations.Storage.Membership;
using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Conversations.Storage.Tests.Membership;

/// <summary>The membership table's optimistic concurrency on a real PostgreSQL: each test has its own schema,
/// and "two silos" are two table objects over two connection pools, as two processes would be.</summary>
public sealed class PostgresMembershipTableTests : StorageSuite, IPostgresSuite
{
    private static readonly DateTime Now = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static int s_generation;

    protected override StorageProvider Provider => StorageProvider.Postgres;

    [ProviderFact]
    public async Task ReadAll_InitializedCluster_IsEmptyAtVersionZero()
    {
        await using var db = await NewDatabaseAsync();
        var table = await TableAsync(db.Database);

        var data = await table.ReadAllAsync();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.NotEmpty(data.Version.VersionEtag);
    }

    [ProviderFact]
    public async Task InitializeMembershipTable_Again_KeepsVersionAndRows()
    {
        await using var db = await NewDatabaseAsync();
        var table = await TableAsync(db.Database);
        Assert.True(await table.InsertRowAsync(Entry(SiloStatus.Active), (await table.ReadAllAsync()).Version.Next()));

        await (await TableAsync(db.Open())).InitializeMembershipTableAsync(true);

        var data = await table.ReadAllAsync();
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [ProviderFact]
    public async Task InsertRow_TwoSilos_SecondWithStaleVersionRefusedThenJoinsAfterReading()
    {
        await using var db = await NewDatabaseAsync();
        var first = await TableAsync(db.Database);
        var second = await TableAsync(db.Open());
        var seenByBoth = await first.ReadAllAsync();
        var a = Entry(SiloStatus.Joining);
        var b = Entry(SiloStatus.Joining);

        Assert.True(await first.InsertRowAsync(a, seenByBoth.Version.Next()));
        Assert.False(await second.InsertRowAsync(b, seenByBoth.Version.Next()));
        var fresh = await second.ReadAllAsync();
        Assert.True(await second.InsertRowAsync(b, fresh.Version.Next()));

        var data = await first.ReadAllAsync();
        Assert.Equal(2, data.Version.Version);
        Assert.Equal(
            new[] { a.SiloAddress, b.SiloAddress }.OrderBy(s => s.Generation),
            data.Members.Select(m => m.Item1.SiloAddress).OrderBy(s => s.Generation));
    }

    [ProviderFact]
    public async Task InsertRow_ManyConcurrentWithOneVersion_ExactlyOneWins()
    {
        await using var db = await NewDatabaseAsync();
        var tables = new[] { await TableAsync(db.Database), await TableAsync(db.Open()) };
        var version = (await tables[0].ReadAllAsync()).Version.Next();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => tables[i % 2].InsertRowAsync(Entry(SiloStatus.Joining), version)));

        Assert.Single(results, ok => ok);
        var data = await tables[1].ReadAllAsync();
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [ProviderFact]
    public async Task InsertRow_SameSiloTwice_SecondRefusedAndVersionUnchanged()
    {
        await using var db = await NewDatabaseAsync();
        var table = await TableAsync(db.Database);
        var entry = Entry(SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        var before = await table.ReadAllAsync();

        Assert.False(await table.InsertRowAsync(entry, before.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Single(after.Members);
    }

    [ProviderFact]
    public async Task UpdateRow_CurrentEtags_ReplacesTheWholeEntryAndChangesBothEtags()
    {
        await using var db = await NewDatabaseAsync();
        var table = await TableAsync(db.Database);
        var entry = Entry(SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadRowAsync(entry.SiloAddress);
        var rowEtag = read.Members[0].Item2;
        var voter = Entry(SiloStatus.Active).SiloAddress;
        var updated = Entry(SiloStatus.Active, entry.SiloAddress);
        updated.SuspectTimes = [Tuple.Create(voter, Now.AddSeconds(7.123456))];
        updated.RoleName = "edge";
        updated.UpdateZone = 2;
        updated.FaultZone = 3;
        updated.IAmAliveTime = Now.AddSeconds(9);

        Assert.True(await table.UpdateRowAsync(updated, rowEtag, read.Version.Next()));

        var after = await table.ReadRowAsync(entry.SiloAddress);
        var (stored, newEtag) = after.Members[0];
        Assert.Equal(updated.ToFullString(), stored.ToFullString());
        Assert.Equal(voter, stored.SuspectTimes![0].Item1);
        Assert.Equal(updated.SuspectTimes[0].Item2, stored.SuspectTimes[0].Item2);
        Assert.NotEqual(rowEtag, newEtag);
        Assert.Equal(2, after.Version.Version);
        Assert.NotEqual(read.Version.VersionEtag, after.Version.VersionEtag);
    }

    [ProviderFact]
    public async Task UpdateRow_StaleRowEtag_RefusedWithoutSideEffects()
    {
        await using var db = await NewDatabaseAsync();
        var table = await TableAsync(db.Database);
        var other = await TableAsync(db.Open());
        var entry = Entry(SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadRowAsync(entry.SiloAddress);
        Assert.True(await other.UpdateRowAsync(Entry(SiloStatus.Active, entry.SiloAddress), read.Members[0].Item2, read.Version.Next()));
        var current = await table.ReadAllAsync();

        // The table version is current, but the row changed since this etag was read.
        Assert.False(await table.UpdateRowAsync(Entry(SiloStatus.Dead, entry.SiloAddress), read.Members[0].Item2, current.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(SiloStatus.Active, after.Members[0].Item1.Status);
    }

    [ProviderFact]
    public async Task UpdateRow_StaleTableVersion_RefusedWithoutSideEffects()
    {
        await using var db = await NewDatabaseAsync();
        var table = await TableAsync(db.Database);
        var a = Entry(SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(a, (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadAllAsync();
        Assert.True(await table.InsertRowAsync(Entry(SiloStatus.Active), read.Version.Next()));

        // The row etag is current, but another row moved the table version since it was read.
        Assert.False(await table.UpdateRowAsync(Entry(SiloStatus.Dead, a.SiloAddress), read.Members[0].Item2, read.Version.Next()));

        var after = await table.ReadRowAsync(a.SiloAddress);
        Assert.Equal(SiloStatus.Active, after.Members[0].Item1.Status);
        Assert.Equal(read.Members[0].Item2, after.Members[0].Item2);
        Assert.Equal(2, after.Version.Version);
    }

    [ProviderFact]
    public async Task UpdateRow_MissingSilo_Refused()
    {
        await using var db = await NewDatabaseAsync();
        var table = await TableAsync(db.Database);
        var read = await table.ReadAllAsync();

        Assert.False(await table.UpdateRowAsync(Entry(SiloStatus.Active), "no-such-etag", read.Version.Next()));

        Assert.Equal(read.Version, (await table.ReadAllAsync()).Version);
    }

    [ProviderFact]
    public async Task UpdateIAmAlive_Entry_MovesOnlyItsTimeKeepingEtagAndVersion()
    {
        await using var db = await NewDatabaseAsync();
        var table = await TableAsync(db.Database);
        var entry = Entry(SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        var before = await table.ReadRowAsync(entry.SiloAddress);

        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = Now.AddMinutes(1) });

        var after = await table.ReadRowAsync(entry.SiloAddress);
        var (stored, etag) = after.Members[0];
        Assert.Equal(Now.AddMinutes(1), stored.IAmAliveTime);
        Assert.Equal((SiloStatus.Active, entry.SiloName, entry.StartTime), (stored.Status, stored.SiloName, stored.StartTime));
        Assert.Equal(before.Members[0].Item2, etag);
        Assert.Equal(before.Version, after.Version);
    }

    [ProviderFact]
    public async Task CleanupDefunctSiloEntries_OldRows_DeletesAllButActiveAndRecent()
    {
        await using var db = await NewDatabaseAsync();
        var table = await TableAsync(db.Database);
        var kept = new List<SiloAddress>();
        foreach (var status in Enum.GetValues<SiloStatus>())
        {
            var old = Entry(status);
            old.StartTime = old.IAmAliveTime = Now.AddDays(-10);
            Assert.True(await table.InsertRowAsync(old, (await table.ReadAllAsync()).Version.Next()));
            if (status == SiloStatus.Active)
            {
                kept.Add(old.SiloAddress);
            }
        }

        // Started long ago but alive lately: its last sign of life is what counts.
        var alive = Entry(SiloStatus.Dead);
        alive.StartTime = Now.AddDays(-10);
        Assert.True(await table.InsertRowAsync(alive, (await table.ReadAllAsync()).Version.Next()));
        kept.Add(alive.SiloAddress);

        await table.CleanupDefunctSiloEntriesAsync(Now.AddDays(-1));

        Assert.Equal(kept.Order(), (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).Order());
    }

    [ProviderFact]
    public async Task DeleteMembershipTableEntries_OneCluster_LeavesOtherClusters()
    {
        await using var db = await NewDatabaseAsync();
        var mine = await TableAsync(db.Database, "mine");
        var theirs = await TableAsync(db.Database, "theirs");
        Assert.True(await mine.InsertRowAsync(Entry(SiloStatus.Active), (await mine.ReadAllAsync()).Version.Next()));
        Assert.True(await theirs.InsertRowAsync(Entry(SiloStatus.Active), (await theirs.ReadAllAsync()).Version.Next()));

        await mine.DeleteMembershipTableEntriesAsync("mine");

        Assert.Empty((await mine.ReadAllAsync()).Members);
        Assert.Single((await theirs.ReadAllAsync()).Members);
        Assert.False(await mine.InsertRowAsync(Entry(SiloStatus.Active), (await mine.ReadAllAsync()).Version.Next()));
    }

    [ProviderFact]
    public async Task Constructor_SqliteDatabase_ThrowsNamingTheSetting()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var error = Assert.Throws<InvalidOperationException>(() => new PostgresMembershipTable(db.Database, Options.Create(new ClusterOptions())));

        Assert.Contains("Storage:Provider=Postgres", error.Message, StringComparison.Ordinal);
    }

    private static async Task<PostgresMembershipTable> TableAsync(SqlDatabase database, string clusterId = "conversations")
    {
        var table = new PostgresMembershipTable(database, Options.Create(new ClusterOptions { ClusterId = clusterId }));
        await table.InitializeMembershipTableAsync(true);
        return table;
    }

    private static MembershipEntry Entry(SiloStatus status, SiloAddress? address = null) => new()
    {
        SiloAddress = address ?? SiloAddress.New(IPAddress.Loopback, 11111, Interlocked.Increment(ref s_generation)),
        Status = status,
        HostName = "host",
        SiloName = $"silo-{s_generation}",
        ProxyPort = 30000,
        StartTime = Now,
        IAmAliveTime = Now,
    };
}
