using System.Diagnostics;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Storage.Messages;
using Conversations.Storage.Sql;

namespace Conversations.Benchmarks;

/// <summary>The CI-sized storage benchmark: 1,000 conversations append concurrently through the real
/// <see cref="SqlMessageLog"/> (each waits for its acknowledgement before the next, as a grain does) on a fresh
/// database; the baseline writes the same number of rows into the same table with <see cref="StorageBaseline"/>,
/// the plain bulk INSERT fast path, one commit per 1,000 rows (the best a group commit of 1,000 writers could do).
/// One JSON line per provider.</summary>
public static class StorageQuick
{
    internal const string PostgresVariable = "CONVERSATIONS_TEST_POSTGRES";
    private const int Conversations = 1_000;
    private const int MessagesPerConversation = 30;

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
        // Warmed like the log (JIT, statement caches, the table's first pages) on rows of their own.
        await StorageBaseline.RowsPerSecondAsync(database, Rows("bw", 1));
        return await StorageBaseline.RowsPerSecondAsync(database, Rows("b", MessagesPerConversation));
    }

    // In the order the log receives them: every conversation's next message before anyone's following one. Rows
    // sorted by conversation would land on a few adjacent B-tree pages per commit instead of pages all over the
    // table, which makes the baseline measure a friendlier workload, not a faster writer.
    private static Message[] Rows(string prefix, int messagesPerConversation) =>
        [.. Enumerable.Range(1, messagesPerConversation).SelectMany(s => Enumerable.Range(0, Conversations).Select(c => NewMessage(prefix, c, s)))];

    private static Message NewMessage(string prefix, int conversation, long seq) =>
        new($"{prefix}-{conversation}-{seq}", $"{prefix}-c{conversation}", seq, MessageKind.Text,
            new MessageAuthor(AuthorKind.Customer, $"contact-{conversation}", "Customer"), $"message {seq} of a benchmark conversation",
            null, null, $"client-{prefix}-{conversation}-{seq}", DateTimeOffset.UtcNow);
}
