namespace Conversations.Benchmarks;

/// <summary>Forwards each call to a <see cref="IPingGrain"/>: one grain-to-grain call per call.</summary>
public interface IRelayGrain : IGrainWithStringKey
{
    Task<int> Relay(string pingKey, int value);
}
