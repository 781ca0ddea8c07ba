using Conversations.Actors;

namespace Conversations.Storage.Tests.Support;

/// <summary>What an activation holds for one persistent state.</summary>
public sealed class TestGrainState<TState> : IGrainState<TState>
    where TState : new()
{
    public TState State { get; set; } = new();

    public long Version { get; set; }

    public bool RecordExists { get; set; }
}
