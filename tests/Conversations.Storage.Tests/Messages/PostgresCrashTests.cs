using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Messages;

public sealed class PostgresCrashTests : CrashTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
