using System.Data;
using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Sql;

public sealed class PostgresWriteTurnTests : IPostgresSuite
{
    [ProviderFact]
    public async Task BeginWriteAsync_OnPostgres_GivesEachTurnAConnectionItClosesAtItsEnd()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var turn = await test.Database.BeginWriteAsync(writeBehind: true, CancellationToken.None);
        var connection = turn.Connection;
        await using (var other = await test.Database.BeginWriteAsync(writeBehind: false, CancellationToken.None))
        {
            Assert.NotSame(connection, other.Connection);
        }

        Assert.Equal(ConnectionState.Open, connection.State);
        await turn.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, connection.State);
    }
}
