using Conversations.Actors;

namespace Conversations.Grains.Tests.Support;

/// <summary>A holder to read a grain's record straight from the test silo's storage, to see its version
/// (how many times it was written) without going through the grain.</summary>
public sealed class StoredStateProbe<TState> : IGrainState<TState>
    where TState : new()
{
    public TState State { get; set; } = new();

    public long Version { get; set; }

    public bool RecordExists { get; set; }
}
