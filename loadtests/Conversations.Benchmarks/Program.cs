using BenchmarkDotNet.Running;
using Conversations.Benchmarks.E2e;

namespace Conversations.Benchmarks;

/// <summary>The benchmark entry point. A named class rather than top-level statements: the e2e scenario
/// hosts the server, whose own <c>Program</c> would clash with a generated one here.</summary>
public static class BenchmarkProgram
{
    /// <summary><c>&lt;scenario&gt; --quick</c> prints CI-sized figures as one JSON line per run (last);
    /// <c>&lt;scenario&gt;</c> runs the BenchmarkDotNet suite of that scenario where it has one.</summary>
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var scenario = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "actors";
        return scenario switch
        {
            "actors" when quick => await ActorsQuick.RunAsync(),
            "actors" => RunSuite(typeof(ActorCallBenchmarks)),
            "storage" when quick => await StorageQuick.RunAsync(),
            "e2e" when quick => await E2eQuick.RunAsync(),
            "cluster" when quick => await Cluster.ClusterQuick.RunAsync(),
            "nlu" when quick => Nlu.NluQuick.Run(),
            RelayServer.Scenario => await RelayServer.RunAsync(args[1..]),
            _ => Usage(scenario),
        };
    }

    private static int RunSuite(Type suite)
    {
        BenchmarkRunner.Run(suite);
        return 0;
    }

    private static int Usage(string scenario)
    {
        Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: actors, storage, e2e, nlu, cluster; add --quick for the CI-sized run.");
        return 2;
    }
}
