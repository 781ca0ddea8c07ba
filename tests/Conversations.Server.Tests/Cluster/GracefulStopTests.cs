using Conversations.Testing.Cluster;
using Npgsql;
using Xunit.Abstractions;

namespace Conversations.Server.Tests.Cluster;

/// <summary>Three published servers on one PostgreSQL database; one is stopped with SIGTERM, as an orchestrator
/// stops a node, while signed connector messages go to all three and widgets write on every node.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class GracefulStopTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task TerminateOneNode_UnderLoad_ClientsOnlyReconnectNothingLostOrStoredTwiceAndTheNodeDrains()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, 3);
        var victim = cluster.Nodes[2];
        using var stopRiders = new CancellationTokenSource();
        var riders = Enumerable.Range(0, 6).Select(i => new WidgetRider(cluster, i % 3)).ToList();
        var riding = riders.Select(r => r.RunAsync(stopRiders.Token)).ToList();
        var drill = new FailoverDrill(cluster, contacts: 18);

        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} load starts; SIGTERM in 3 s");
        var result = await drill.RunAsync([2], before: TimeSpan.FromSeconds(3), after: TimeSpan.FromSeconds(2), answerWithin: TimeSpan.FromSeconds(30), NodeStop.Terminate);
        var exitCode = await victim.WaitForExitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} the stopped node exited");
        // The widgets of the stopped node resume elsewhere (their grains move with the silo's shutdown) and write on.
        var moved = riders.Where((_, i) => i % 3 == 2).ToList();
        var resumeBy = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (moved.Any(r => r.Resumed == 0) && DateTime.UtcNow < resumeBy)
        {
            await Task.Delay(100);
        }

        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} the widgets of the stopped node resumed");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stopRiders.CancelAsync();
        await Task.WhenAll(riding);

        output.WriteLine(result.ToString());
        output.WriteLine($"stopped node:\n{victim.Log}\nsurvivors:\n{cluster.Nodes[0].Log}\n{cluster.Nodes[1].Log}");
        output.WriteLine(string.Join('\n', riders.Select(r => $"rider: {r.Acknowledged.Count} acknowledged, longest send {r.LongestSend.TotalSeconds:N1} s, resumed {r.Resumed}, caught up {r.CaughtUp}, errors {r.Errors.Count}; {string.Join(", ", r.Moves)}")));
        // The node shut down by itself, cleanly, and said goodbye to the cluster rather than being voted dead.
        Assert.True(exitCode == 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: still running"}\n{victim.Log}");
        Assert.Equal(SiloStatus.Dead, await StatusOfAsync(cluster, victim));
        Assert.Equal(2, await cluster.ActiveSilosAsync());

        // Connectors: what a provider sees is at most a failed connection or a 503 "try again" (a call that was
        // on its way to the leaving silo), which it retries; never a server error.
        Assert.True(result.Acknowledged >= 2 * result.Conversations, $"Only {result.Acknowledged} messages were acknowledged: {result}");
        Assert.True(result.Refused == 0 || result.Refusals.Split("; ").All(r => r.StartsWith("503 ", StringComparison.Ordinal)), result.Refusals);
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
        Assert.True(result.Answering == result.Conversations, $"{result}\n{cluster.Nodes[0].Log}");

        // Widgets: those of the stopped node resumed elsewhere; none saw an error; each message stored once.
        Assert.All(riders, r => Assert.Empty(r.Errors));
        Assert.All(moved, r => Assert.True(r.Resumed >= 1, $"a widget of the stopped node did not resume: {string.Join(", ", r.Moves)}"));
        foreach (var rider in riders)
        {
            var stored = await rider.StoredAsync();
            Assert.True(rider.Acknowledged.Count > 5, $"rider of {rider.ConversationId} wrote only {rider.Acknowledged.Count}");
            Assert.All(rider.Acknowledged, id => Assert.Equal(1, stored.GetValueOrDefault(id)));
        }
    }

    // The membership row of the node's silo, found by its gateway port, which only it uses.
    private static async Task<SiloStatus> StatusOfAsync(ProcessCluster cluster, NodeProcess node)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status FROM membership_silos WHERE proxy_port = @port", connection);
        command.Parameters.AddWithValue("port", node.GatewayPort ?? throw new InvalidOperationException("The node was started without a fixed gateway port."));
        return (SiloStatus)(int)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No membership row with gateway port {node.GatewayPort}."));
    }
}
