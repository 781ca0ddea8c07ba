using Conversations.Storage.Messages;
using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Messages;

public sealed class PostgresMessageLogTests : MessageLogTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;

    // PostgreSQL keeps its unique key on client ids behind the grain's own check (SQLite indexes them no more).
    [ProviderFact]
    public async Task AppendAsync_DuplicateClientIdInOneBatch_StoresOnceAndReturnsFirst()
    {
        await using var db = await NewDatabaseAsync();
        await using var log = new SqlMessageLog(db.Database, db.Options);

        var results = await Task.WhenAll(
            log.AppendAsync(TestMessages.Append("c1", 1, "cm-1")),
            log.AppendAsync(TestMessages.Append("c1", 2, "cm-1")));

        Assert.False(results[0].Duplicate);
        Assert.True(results[1].Duplicate);
        Assert.Equal(1, results[1].Message.Seq);
        Assert.Single(await log.ReadAsync("c1", null, 10));
    }
}
