using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Analytics;

public sealed class SqliteAnalyticsReaderTests : AnalyticsReaderTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
