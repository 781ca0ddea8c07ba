using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Uploads;

public sealed class PostgresUploadStoreTests : UploadStoreTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
