namespace Conversations.Actors;

/// <summary>A grain's durable state, injected into the grain constructor with
/// <see cref="PersistentStateAttribute"/> and read before <c>OnActivateAsync</c>.</summary>
/// <typeparam name="TState">The state type; it must serialize with System.Text.Json.</typeparam>
public interface IPersistentState<TState>
    where TState : new()
{
    /// <summary>The current state (a new <typeparamref name="TState"/> when nothing is stored).</summary>
    TState State { get; set; }

    /// <summary>The stored version this state was read at or last written as; 0 when no record exists.</summary>
    long Version { get; }

    /// <summary>Whether storage holds a record for this state.</summary>
    bool RecordExists { get; }

    /// <summary>Reloads the state from storage.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the state if storage still holds <see cref="Version"/>; otherwise throws
    /// <see cref="InconsistentStateException"/> and the activation is deactivated so it reloads.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored record (version-checked like a write) and resets the state.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
