using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Reminders;

public sealed class SqliteReminderTableTests : ReminderTableTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
