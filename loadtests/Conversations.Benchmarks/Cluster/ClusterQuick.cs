using System.Text.Json;
using Conversations.Benchmarks.E2e;
using Conversations.Testing.Cluster;

namespace Conversations.Benchmarks.Cluster;

/// <summary>The CI-sized cluster run on PostgreSQL (<c>CONVERSATIONS_TEST_POSTGRES</c>, a fresh database per
/// cluster): the e2e load against one published server, then against three forming one Orleans cluster
/// (customers and agents spread so most chats cross nodes), then the failover drill on the three (signed
/// connector messages to all, one node SIGKILLed). Every server is a process of its own; this process only
/// generates load. Prints one JSON line last.</summary>
public static class ClusterQuick
{
    private const int Silos = 3;
    private const int ConversationCount = 300;
    private const int AgentCount = 15;
    private const int OfferedPerSecond = 600;
    private const int DrillContacts = 30;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(6);

    public static async Task<int> RunAsync()
    {
        if (TestPostgres.AdminConnectionString is null)
        {
            await Console.Error.WriteLineAsync($"cluster --quick needs {TestPostgres.Variable} (an Npgsql connection string with CREATEDB).");
            return 2;
        }

        var single = await MeasureAsync(1, drill: false);
        var three = await MeasureAsync(Silos, drill: true);
        var failover = three.Failover!;
        Console.Error.WriteLine($"failover: {failover}");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            scenario = "cluster",
            silos = Silos,
            deliveredPerSec = Math.Round(three.Saturation),
            singleSiloDeliveredPerSec = Math.Round(single.Saturation),
            ratio = Math.Round(three.Saturation / single.Saturation, 3),
            p99Ms = Math.Round(three.P99, 2),
            singleSiloP99Ms = Math.Round(single.P99, 2),
            p50Ms = Math.Round(three.P50, 2),
            offeredPerSec = OfferedPerSecond,
            failoverSeconds = failover.FailoverSeconds,
            lost = failover.Lost,
            duplicated = failover.Duplicated,
            acknowledged = failover.Acknowledged,
            answering = failover.Answering,
            conversations = failover.Conversations,
        }));
        return 0;
    }

    private static async Task<Measured> MeasureAsync(int silos, bool drill)
    {
        await using var database = await TestPostgres.CreateAsync("bench");
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, silos);
        var recorder = new DeliveryRecorder();
        double offered, p50, p99, saturation, saturationP99;
        await using (var target = await ClusterTarget.ConnectAsync(cluster, ConversationCount, AgentCount, recorder))
        {
            await LoadPhases.FixedRateAsync(target, recorder, OfferedPerSecond / 4, TimeSpan.FromSeconds(2));
            (offered, p50, p99) = await LoadPhases.FixedRateAsync(target, recorder, OfferedPerSecond, Window);
            (saturation, saturationP99) = await LoadPhases.SaturationAsync(target, recorder, Window);
        }

        Console.Error.WriteLine(
            $"{silos} silo(s): {offered:N0}/s delivered at {OfferedPerSecond:N0}/s offered (p50 {p50:N1} ms, p99 {p99:N1} ms); saturation {saturation:N0}/s (p99 {saturationP99:N1} ms)");
        var failover = drill
            ? await new FailoverDrill(cluster, DrillContacts).RunAsync(victim: silos - 1, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))
            : null;
        return new Measured(saturation, p50, p99, failover);
    }

    private sealed record Measured(double Saturation, double P50, double P99, FailoverResult? Failover);
}
