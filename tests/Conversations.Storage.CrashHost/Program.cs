using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Storage;
using Conversations.Storage.Messages;
using Conversations.Storage.Migrations;
using Conversations.Storage.Sql;

// Usage: <Sqlite|Postgres> <connection string>. Appends until killed; prints "<message id>;" on stdout as soon
// as each append is acknowledged, the ';' marking a line that was written completely.
var options = new StorageOptions { Provider = Enum.Parse<StorageProvider>(args[0], ignoreCase: true), ConnectionString = args[1] };
await using var database = SqlDatabase.Create(options);
await new StorageMigrator(database).MigrateAsync();
await using var log = new SqlMessageLog(database, options);
var stdout = Console.Out;
await Task.WhenAll(Enumerable.Range(0, 50).Select(c => Task.Run(async () =>
{
    for (long seq = 1; ; seq++)
    {
        var id = $"m-{c}-{seq}";
        var message = new Message(id, $"crash-{c}", seq, MessageKind.Text, new MessageAuthor(AuthorKind.Customer, "contact", "Customer"),
            $"text {seq}", null, null, $"client-{id}", DateTimeOffset.UtcNow);
        await log.AppendAsync(new MessageAppend(message, "crash-channel", $"ext-{id}"));
        lock (stdout)
        {
            stdout.Write(id);
            stdout.Write(";\n");
            stdout.Flush();
        }
    }
})));
