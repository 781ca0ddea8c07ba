using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Connectors;

public sealed class PostgresOutboundDeliveryStoreTests : OutboundDeliveryStoreTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
