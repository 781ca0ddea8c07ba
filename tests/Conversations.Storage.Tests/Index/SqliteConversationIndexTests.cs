using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Index;

public sealed class SqliteConversationIndexTests : ConversationIndexTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
