using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Analytics;

public sealed class PostgresAnalyticsReaderTests : AnalyticsReaderTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
