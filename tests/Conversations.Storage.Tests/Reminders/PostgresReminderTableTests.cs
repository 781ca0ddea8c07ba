using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Reminders;

public sealed class PostgresReminderTableTests : ReminderTableTests, IPostgresSuite
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
