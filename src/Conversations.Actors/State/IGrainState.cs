namespace Conversations.Actors;

/// <summary>What a storage provider reads into and writes from.</summary>
/// <typeparam name="TState">The state type.</typeparam>
public interface IGrainState<TState>
{
    /// <summary>The state object.</summary>
    TState State { get; set; }

    /// <summary>The stored version: 0 when no record exists; a write expects it and advances it by one.</summary>
    long Version { get; set; }

    /// <summary>Whether storage holds a record.</summary>
    bool RecordExists { get; set; }
}
