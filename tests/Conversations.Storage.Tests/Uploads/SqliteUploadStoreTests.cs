using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Uploads;

public sealed class SqliteUploadStoreTests : UploadStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
