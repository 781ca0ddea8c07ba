using Conversations.Storage.Messages;
using Conversations.Storage.Migrations;
using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;
using Dapper;

namespace Conversations.Storage.Tests.Migrations;

/// <summary>Migration 0009 rebuilds the SQLite messages table as a rowid table: a data folder of an earlier
/// release keeps every message, its keys and its seqs.</summary>
public sealed class SqliteMessagesRowidMigrationTests
{
    private const int BeforeRowid = 8;
    private const int Rowid = 9;

    [Fact]
    public async Task Migrate_MessagesStoredWithoutRowid_KeptWithTheirKeys()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite, BeforeRowid);
        await using (var before = new SqlMessageLog(db.Database, db.Options))
        {
            await Task.WhenAll(Enumerable.Range(1, 30).Select(i => before.AppendAsync(TestMessages.Append($"c{i % 3}", (i / 3) + 1, $"cm-{i}"))));
            await before.AppendAsync(TestMessages.Append("c9", 1, channelId: "wa", externalId: "x1"));
        }

        Assert.Equal([Rowid], await new StorageMigrator(db.Database).MigrateAsync(Rowid, CancellationToken.None));
        await using var after = new SqlMessageLog(db.Open(), db.Options);

        Assert.Equal(Enumerable.Range(1, 10).Select(seq => (long)seq), (await after.ReadAsync("c1", null, 100)).Select(m => m.Seq));
        Assert.Equal(("cm-28", 10L), (await after.ReadClientMessageIdsAsync("c1"))[^1]);
        Assert.True((await after.AppendAsync(TestMessages.Append("c8", 1, channelId: "wa", externalId: "x1"))).Duplicate);
        await Assert.ThrowsAsync<SeqConflictException>(() => after.AppendAsync(TestMessages.Append("c1", 10, "cm-new")));
        Assert.False((await after.AppendAsync(TestMessages.Append("c1", 11, "cm-new"))).Duplicate);
        await using var connection = await db.Database.OpenAsync(default);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT wr FROM pragma_table_list WHERE name = 'messages'"));
    }
}
