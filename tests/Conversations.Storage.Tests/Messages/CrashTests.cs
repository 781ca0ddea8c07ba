using System.Diagnostics;
using Conversations.Storage.Messages;
using Conversations.Storage.Tests.Support;
using Dapper;

namespace Conversations.Storage.Tests.Messages;

/// <summary>Acknowledge after commit, proven by killing a writer process mid-stream (SIGKILL, no shutdown).</summary>
public abstract class CrashTests : StorageSuite
{
    private const int AcksBeforeKill = 2_000;

    [ProviderFact]
    public async Task AppendAsync_ProcessKilledMidStream_EveryAckedMessageStoredOnce()
    {
        await using var db = await NewDatabaseAsync();
        var acked = await RunAndKillAsync(db);

        await using var log = new SqlMessageLog(db.Open(), db.Options);
        await using var connection = await db.Database.OpenAsync(default);
        var stored = (await connection.QueryAsync<(string Id, long Count)>("SELECT id, COUNT(*) FROM messages GROUP BY id"))
            .ToDictionary(r => r.Id, r => r.Count);
        Assert.True(acked.Count >= AcksBeforeKill, $"only {acked.Count} acknowledgements were read");
        Assert.All(acked, id => Assert.Equal(1, stored.GetValueOrDefault(id)));

        var again = acked[acked.Count / 2];
        var conversation = again[..again.LastIndexOf('-')].Replace("m-", "crash-", StringComparison.Ordinal);
        var result = await log.AppendAsync(TestMessages.Append(conversation, 1_000_000, "a-new-client-id", "crash-channel", $"ext-{again}"));
        Assert.True(result.Duplicate);
        Assert.Equal(again, result.Message.Id);
    }

    private static async Task<List<string>> RunAndKillAsync(TestDatabase db)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Conversations.Storage.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        start.ArgumentList.Add(db.Options.Provider.ToString());
        start.ArgumentList.Add(db.Options.ConnectionString);
        using var process = Process.Start(start)!;
        var acked = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (acked.Count < AcksBeforeKill && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                Accept(line, acked);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        // Lines already written before the kill were acknowledged too; a cut last line has no ';'.
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            Accept(line, acked);
        }

        await process.WaitForExitAsync(timeout.Token);
        return acked;
    }

    private static void Accept(string line, List<string> acked)
    {
        if (line.EndsWith(';'))
        {
            acked.Add(line[..^1]);
        }
    }
}
