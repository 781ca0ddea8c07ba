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

        // Read from the WAL's header rather than by a checkpoint of the test's own, which could let it start over.
        // Under the whole suite's load the log was seen not to start over after one checkpoint in about one run
        // of three, though the checkpoint copied every frame; the server checkpoints again a second later, and
        // this test tries again too.
        var before = WalSequence(sqlite);
        var restarted = before;
        for (var attempt = 0; attempt < 3 && restarted == before; attempt++)
        {
            await sqlite.CheckpointAsync(CancellationToken.None);
            var after = Volatile.Read(ref commits);
            await WaitForCommitsAsync(() => Volatile.Read(ref commits), after + 5);
            restarted = WalSequence(sqlite);
        }

        await stop.CancelAsync();
        await writer;

        Assert.NotEqual(before, restarted);
    }

    [Fact]
    public async Task CheckpointAsync_LogBelowTheRestartThreshold_CopiesWithoutHoldingTheWriters()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var sqlite = (SqliteDatabase)test.Database;
        // Kept open: SQLite checkpoints by itself when the last connection to a database closes.
        await using var connection = await sqlite.OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, "CREATE TABLE filler (value TEXT)");
        for (var i = 0; i < 300; i++)
        {
            await ExecuteAsync(connection, $"INSERT INTO filler (value) VALUES ('{new string('x', 3_000)}')");
        }

        // About 1 MB of log, far below the threshold. A writer holds the gate: the checkpoint of a short log
        // copies it into the database file and returns; one that lets the log start over waits for the writer.
        var writeTurn = await sqlite.EnterWriteAsync(CancellationToken.None);
        var before = new FileInfo(sqlite.FilePath).Length;
        await sqlite.CheckpointAsync(SqliteDatabase.RestartAtFrames, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var after = new FileInfo(sqlite.FilePath).Length;
        Assert.True(after > before + 500_000, $"the database file is {after} bytes after the checkpoint, {before} before it");
        var restart = sqlite.CheckpointAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(restart.IsCompleted);

        writeTurn!.Dispose();
        await restart.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task WaitForCommitsAsync(Func<int> commits, int count)
    {
        while (commits() < count)
        {
            await Task.Delay(5);
        }
    }

    // The WAL header's checkpoint sequence number (big-endian, at byte 12): SQLite increments it each time the
    // log starts over.
    private static uint WalSequence(SqliteDatabase sqlite)
    {
        using var wal = new FileStream(sqlite.FilePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        wal.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
