using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.State;

public sealed class SqliteGrainStorageTests : GrainStorageTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
