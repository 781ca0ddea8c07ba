using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Silo;

public sealed class PostgresSiloRestartTests : SiloRestartTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
