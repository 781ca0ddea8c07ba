using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Analytics;

public sealed class PostgresAnalyticsSinkTests : AnalyticsSinkTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
