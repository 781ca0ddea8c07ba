namespace Conversations.Actors.Tests.Grains;

/// <summary>Turns that suspend on a probe gate, to observe interleaving.</summary>
public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Logs start, waits for the gate, logs end.</summary>
    Task Hold(string name);

    /// <summary>Logs and returns at once.</summary>
    Task Quick(string name);

    [AlwaysInterleave]
    Task Interleaving(string name);

    [ReadOnly]
    Task HoldReadOnly(string name);

    [ReadOnly]
    Task QuickReadOnly(string name);

    [OneWay]
    Task HoldOneWay(string name);

    [OneWay]
    Task ThrowOneWay();
}
