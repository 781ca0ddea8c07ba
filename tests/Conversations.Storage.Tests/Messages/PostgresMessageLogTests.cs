using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Messages;

public sealed class PostgresMessageLogTests : MessageLogTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
