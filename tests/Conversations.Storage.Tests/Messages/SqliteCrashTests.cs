using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Messages;

public sealed class SqliteCrashTests : CrashTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
