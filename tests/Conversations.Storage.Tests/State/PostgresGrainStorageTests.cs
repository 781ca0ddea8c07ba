using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.State;

public sealed class PostgresGrainStorageTests : GrainStorageTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
