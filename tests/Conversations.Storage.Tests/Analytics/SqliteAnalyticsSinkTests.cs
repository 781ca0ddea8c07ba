using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Analytics;

public sealed class SqliteAnalyticsSinkTests : AnalyticsSinkTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
