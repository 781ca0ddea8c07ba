using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Storage.Messages;
using Conversations.Storage.Sql;

namespace Conversations.Benchmarks;

/// <summary>The CI-sized storage benchmark: 1,000 conversations append concurrently through the real
/// <see cref="SqlMessageLog"/> (each waits for its acknowledgement before the next, as a grain does) on a fresh
/// database; the baseline writes the same number of rows into the same table with plain multi-row INSERTs of
/// 100 rows, one commit per 1,000 rows (the best a group commit of 1,000 writers could do). One JSON line per provider.</summary>
public static class StorageQuick
{
    internal const string PostgresVariable = "CONVERSATIONS_TEST_POSTGRES";
    private const int Conversations = 1_000;
    private const int MessagesPerConversation = 30;
    private const int BaselineRowsPerCommit = 1_000;

    // Statements of a few hundred parameters; one statement of 14,000 is slower on both drivers, not faster.
    private const int BaselineRowsPerInsert = 100;

    public static async Task<int> RunAsync()
    {
        var lines = new List<string> { await RunProviderAsync(StorageProvider.Sqlite) };
        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 })
        {
            lines.Add(await RunProviderAsync(StorageProvider.Postgres));
        }
        else
        {
            Console.Error.WriteLine($"postgres: left out, {PostgresVariable} is not set (.ci/postgres.sh prints one).");
        }

        lines.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> RunProviderAsync(StorageProvider provider)
    {
        await using var target = await BenchmarkDatabase.CreateAsync(provider);
        var appendsPerSec = await AppendRateAsync(target);
        var baselinePerSec = await BaselineRateAsync(target.Database);
        var name = provider.ToString().ToLowerInvariant();
        Console.Error.WriteLine($"{name}: {appendsPerSec:N0} acknowledged appends/s through SqlMessageLog; baseline multi-row INSERT {baselinePerSec:N0} rows/s");
        return JsonSerializer.Serialize(new
        {
            scenario = "storage",
            provider = name,
            appendsPerSec = Math.Round(appendsPerSec),
            baselineRowsPerSec = Math.Round(baselinePerSec),
            ratio = Math.Round(appendsPerSec / baselinePerSec, 3),
        });
    }

    private static async Task<double> AppendRateAsync(BenchmarkDatabase target)
    {
        await using var log = new SqlMessageLog(target.Database, target.Options);
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(c => log.AppendAsync(new MessageAppend(NewMessage("warm", c, 1)))));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(c => Task.Run(async () =>
        {
            for (var seq = 1; seq <= MessagesPerConversation; seq++)
            {
                var message = NewMessage("a", c, seq);
                await log.AppendAsync(new MessageAppend(message, "bench", message.Id));
            }
        })));
        return Conversations * MessagesPerConversation / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> BaselineRateAsync(SqlDatabase database)
    {
        var rows = Enumerable.Range(0, Conversations).SelectMany(c => Enumerable.Range(1, MessagesPerConversation).Select(s => NewMessage("b", c, s))).ToArray();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        foreach (var commit in rows.Chunk(BaselineRowsPerCommit))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var chunk in commit.Chunk(BaselineRowsPerInsert))
            {
                await using var command = BuildInsert(connection, database, chunk);
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return rows.Length / clock.Elapsed.TotalSeconds;
    }

    private static DbCommand BuildInsert(DbConnection connection, SqlDatabase database, Message[] chunk)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder("INSERT INTO messages (conversation_id, seq, id, kind, author_kind, author_id, author_name, text, attachment, options, client_message_id, channel_id, external_id, created_at) VALUES ");
        for (var i = 0; i < chunk.Length; i++)
        {
            var m = chunk[i];
            object?[] values = ["text", "customer", m.Author.Id, m.Author.Name, m.Text, null, null, m.ClientMessageId, "bench", m.Id, database.Time(m.CreatedAt)];
            sql.Append(i == 0 ? "(" : ",(").Append($"@c{i},@s{i}");
            Add(command, $"c{i}", m.ConversationId);
            Add(command, $"s{i}", m.Seq);
            Add(command, $"i{i}", m.Id);
            sql.Append($",@i{i}");
            for (var v = 0; v < values.Length; v++)
            {
                sql.Append($",@v{i}_{v}");
                Add(command, $"v{i}_{v}", values[v]);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static Message NewMessage(string prefix, int conversation, long seq) =>
        new($"{prefix}-{conversation}-{seq}", $"{prefix}-c{conversation}", seq, MessageKind.Text,
            new MessageAuthor(AuthorKind.Customer, $"contact-{conversation}", "Customer"), $"message {seq} of a benchmark conversation",
            null, null, $"client-{prefix}-{conversation}-{seq}", DateTimeOffset.UtcNow);
}
