namespace Conversations.Benchmarks;

public sealed class RelayGrain : Grain, IRelayGrain
{
    public Task<int> Relay(string pingKey, int value) => GrainFactory.GetGrain<IPingGrain>(pingKey).Ping(value);
}
