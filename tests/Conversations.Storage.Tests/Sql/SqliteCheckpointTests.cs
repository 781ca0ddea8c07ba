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

    [Fact]
    public async Task CheckpointAsync_WhileAWriterKeepsCommitting_LetsTheWalStartOver()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var sqlite = (SqliteDatabase)test.Database;
        await using (var setup = await sqlite.OpenAsync(CancellationToken.None))
        {
            await ExecuteAsync(setup, "CREATE TABLE filler (value TEXT)");
        }

        // A writer that never pauses, as the group-commit writers under load: a checkpoint running beside it
        // never reaches the end of the log, and the WAL would only grow.
        var commits = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using (await sqlite.EnterWriteAsync(CancellationToken.None))
                {
                    await using var connection = await sqlite.OpenAsync(CancellationToken.None);
                    await ExecuteAsync(connection, $"INSERT INTO filler (value) VALUES ('{new string('x', 3_000)}')");
                }

                Interlocked.Increment(ref commits);
            }
        });
        await WaitForCommitsAsync(() => Volatile.Read(ref commits), 300);
        var grown = await WalFramesAsync(sqlite);

        await sqlite.CheckpointAsync(CancellationToken.None);
        var after = Volatile.Read(ref commits);
        await WaitForCommitsAsync(() => Volatile.Read(ref commits), after + 5);
        var restarted = await WalFramesAsync(sqlite);
        await stop.CancelAsync();
        await writer;

        Assert.True(restarted < grown, $"the WAL holds {restarted} frames after the checkpoint, {grown} before it");
    }

    private static async Task WaitForCommitsAsync(Func<int> commits, int count)
    {
        while (commits() < count)
        {
            await Task.Delay(5);
        }
    }

    // The log column of a passive checkpoint: the frames now in the WAL.
    private static async Task<long> WalFramesAsync(SqliteDatabase sqlite)
    {
        await using var connection = await sqlite.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt64(1);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
