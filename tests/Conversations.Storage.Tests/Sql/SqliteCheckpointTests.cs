using System.Data.Common;
using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Sql;

public sealed class SqliteCheckpointTests
{
    [Fact]
    public async Task CheckpointAsync_AfterWrites_CopiesTheWalIntoTheDatabaseWhichCommitsNoLongerDo()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var sqlite = (SqliteDatabase)test.Database;
        await using var connection = await sqlite.OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, "CREATE TABLE filler (value TEXT)");
        for (var i = 0; i < 2_000; i++)
        {
            await ExecuteAsync(connection, $"INSERT INTO filler (value) VALUES ('{new string('x', 500)}')");
        }

        // ~1 MB of rows, more than SQLite's automatic threshold (1,000 pages): had a commit checkpointed,
        // the rows would already be in the database file.
        var before = new FileInfo(sqlite.FilePath).Length;
        await sqlite.CheckpointAsync(CancellationToken.None);
        var after = new FileInfo(sqlite.FilePath).Length;

        Assert.True(before < 500_000, $"the database file is {before} bytes before the checkpoint");
        Assert.True(after > 1_000_000, $"the database file is {after} bytes after the checkpoint");
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
