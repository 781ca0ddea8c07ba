using System.Collections.Concurrent;

namespace Conversations.Actors;

/// <summary>Grain storage in memory, for tests and the test silo. It serializes like a real provider,
/// so an activation never shares a state object with storage and a reload reads a fresh copy.</summary>
public sealed class MemoryGrainStorage(GrainStateSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredState> _records = new();

    /// <summary>How many records are stored.</summary>
    public int Count => _records.Count;

    /// <inheritdoc/>
    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new()
    {
        if (_records.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<TState>(stored.Payload);
            grainState.Version = stored.Version;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = new TState();
            grainState.Version = 0;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new()
    {
        var key = (stateName, grainId);
        var payload = serializer.Serialize(grainState.State);
        var next = new StoredState(grainState.Version + 1, payload);
        var written = grainState.Version == 0
            ? _records.TryAdd(key, next)
            : _records.TryGetValue(key, out var current) && current.Version == grainState.Version && _records.TryUpdate(key, next, current);
        if (!written)
        {
            throw InconsistentStateException.VersionMismatch(stateName, grainId, grainState.Version, StoredVersion(key));
        }

        grainState.Version = next.Version;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new()
    {
        var key = (stateName, grainId);
        if (grainState.Version != 0)
        {
            if (!_records.TryGetValue(key, out var current) || current.Version != grainState.Version ||
                !_records.TryRemove(KeyValuePair.Create(key, current)))
            {
                throw InconsistentStateException.VersionMismatch(stateName, grainId, grainState.Version, StoredVersion(key));
            }
        }
        else if (_records.ContainsKey(key))
        {
            throw InconsistentStateException.VersionMismatch(stateName, grainId, 0, StoredVersion(key));
        }

        grainState.State = new TState();
        grainState.Version = 0;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Overwrites a record behind the activations' backs, as another writer would (tests use it).</summary>
    public void SetRecord<TState>(string stateName, GrainId grainId, TState state, long version) =>
        _records[(stateName, grainId)] = new StoredState(version, serializer.Serialize(state));

    private long? StoredVersion((string, GrainId) key) => _records.TryGetValue(key, out var s) ? s.Version : null;

    private sealed record StoredState(long Version, byte[] Payload);
}
