using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Messages;

public sealed class SqliteMessageLogTests : MessageLogTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
