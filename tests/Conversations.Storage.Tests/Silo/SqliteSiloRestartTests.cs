using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Silo;

public sealed class SqliteSiloRestartTests : SiloRestartTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
