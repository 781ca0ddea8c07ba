using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Index;

public sealed class PostgresConversationIndexTests : ConversationIndexTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
