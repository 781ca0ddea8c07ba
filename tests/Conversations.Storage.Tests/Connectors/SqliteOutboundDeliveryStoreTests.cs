using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Connectors;

public sealed class SqliteOutboundDeliveryStoreTests : OutboundDeliveryStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
