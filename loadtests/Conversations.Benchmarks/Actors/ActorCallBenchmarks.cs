using BenchmarkDotNet.Attributes;

namespace Conversations.Benchmarks;

/// <summary>One awaited call: grain reference against the channel-actor baseline.</summary>
[MemoryDiagnoser]
public class ActorCallBenchmarks
{
    private BenchmarkSilo _silo = null!;
    private IPingGrain _grain = null!;
    private ChannelActor _actor = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await BenchmarkSilo.StartAsync();
        _grain = _silo.GrainFactory.GetGrain<IPingGrain>("bench");
        _actor = new ChannelActor();
        await _grain.Ping(0);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _actor.Stop();
        await _silo.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<int> ChannelActorCall() => _actor.Ping(1);

    [Benchmark]
    public Task<int> GrainCall() => _grain.Ping(1);
}
