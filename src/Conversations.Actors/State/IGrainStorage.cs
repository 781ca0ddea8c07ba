namespace Conversations.Actors;

/// <summary>A grain state storage provider (in memory here; SQLite and PostgreSQL in Conversations.Storage).
/// Writes are version-checked: a provider writes only when the stored version equals
/// <see cref="IGrainState{T}.Version"/>, then advances it, and otherwise throws
/// <see cref="InconsistentStateException"/>.</summary>
public interface IGrainStorage
{
    /// <summary>Reads the stored state, or leaves a new state with version 0 when there is none.</summary>
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new();

    /// <summary>Writes the state if the stored version still equals <c>grainState.Version</c>, then advances the version.</summary>
    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new();

    /// <summary>Deletes the record if the stored version still equals <c>grainState.Version</c>.</summary>
    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new();
}
