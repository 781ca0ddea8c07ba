using BenchmarkDotNet.Running;
using Conversations.Benchmarks;

// Usage: <scenario> --quick   prints CI-sized figures as one JSON line per run (last line);
//        <scenario>           runs the BenchmarkDotNet suite of that scenario where it has one.
var quick = args.Contains("--quick");
var scenario = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "actors";
return scenario switch
{
    "actors" when quick => await ActorsQuick.RunAsync(),
    "actors" => RunSuite(typeof(ActorCallBenchmarks)),
    "storage" when quick => await StorageQuick.RunAsync(),
    _ => Usage(scenario),
};

static int RunSuite(Type suite)
{
    BenchmarkRunner.Run(suite);
    return 0;
}

static int Usage(string scenario)
{
    Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: actors, storage, e2e; add --quick for the CI-sized run.");
    return 2;
}
