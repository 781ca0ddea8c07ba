using System.Data.Common;
using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Sql;

public sealed class SqliteWriteTurnTests
{
    [Fact]
    public async Task BeginWriteAsync_OnSqlite_LendsEveryTurnTheSameConnection()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        DbConnection first;
        await using (var turn = await test.Database.BeginWriteAsync(writeBehind: false, CancellationToken.None))
        {
            first = turn.Connection;
        }

        await using (var turn = await test.Database.BeginWriteAsync(writeBehind: true, CancellationToken.None))
        {
            Assert.Same(first, turn.Connection);
            Assert.Equal(System.Data.ConnectionState.Open, turn.Connection.State);
        }
    }

    [Fact]
    public async Task BeginWriteAsync_WhileATurnIsOpen_WaitsForItsEnd()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var turn = await test.Database.BeginWriteAsync(writeBehind: false, CancellationToken.None);
        var next = test.Database.BeginWriteAsync(writeBehind: false, CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(next.IsCompleted);

        await turn.DisposeAsync();
        await using var second = await next.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task BeginWriteAsync_WriteBehind_SkipsTheFsyncOfItsCommitsOnly()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        Assert.Equal(2, await SynchronousAsync(test.Database, writeBehind: false));
        Assert.Equal(1, await SynchronousAsync(test.Database, writeBehind: true));
        Assert.Equal(2, await SynchronousAsync(test.Database, writeBehind: false));
    }

    [Fact]
    public async Task BeginWriteAsync_AfterATurnLeftItsTransactionOpen_RollsItBack()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var turn = await test.Database.BeginWriteAsync(writeBehind: false, CancellationToken.None))
        {
            await ExecuteAsync(turn.Connection, "CREATE TABLE filler (value TEXT)");
            await ExecuteAsync(turn.Connection, "BEGIN; INSERT INTO filler (value) VALUES ('lost');");
        }

        await using (var turn = await test.Database.BeginWriteAsync(writeBehind: false, CancellationToken.None))
        {
            await using var transaction = await turn.Connection.BeginTransactionAsync();
            await transaction.CommitAsync();
        }

        await using var reader = await test.Database.OpenAsync(CancellationToken.None);
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM filler";
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    private static async Task<long> SynchronousAsync(SqlDatabase database, bool writeBehind)
    {
        await using var turn = await database.BeginWriteAsync(writeBehind, CancellationToken.None);
        await using var command = turn.Connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
