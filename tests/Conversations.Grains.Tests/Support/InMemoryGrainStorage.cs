using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Orleans.Storage;

namespace Conversations.Grains.Tests.Support;

/// <summary>Grain storage that outlives silo restarts, versioned like the SQL one (ETag = version, a stale
/// write throws <see cref="InconsistentStateException"/>), and storing JSON so that no activation shares
/// an object with what is stored.</summary>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<(string Grain, string State), (long Version, byte[] Payload)> _rows = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((grainId.ToString(), stateName), out var row))
        {
            grainState.State = JsonSerializer.Deserialize<T>(row.Payload, Json)!;
            grainState.ETag = row.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <summary>While set, writes of this state name fail as a database outage would.</summary>
    public string? FailingState { get; set; }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stateName == FailingState)
        {
            throw new InvalidOperationException($"The storage refused to write state '{stateName}' of {grainId}.");
        }

        var key = (grainId.ToString(), stateName);
        var expected = grainState.ETag is null ? 0 : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var payload = JsonSerializer.SerializeToUtf8Bytes(grainState.State, Json);
        var written = expected == 0
            ? _rows.TryAdd(key, (1, payload))
            : _rows.TryGetValue(key, out var row) && row.Version == expected && _rows.TryUpdate(key, (expected + 1, payload), row);
        if (!written)
        {
            throw new InconsistentStateException($"State '{stateName}' of {grainId} is not at version {expected}.");
        }

        grainState.ETag = (expected + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove((grainId.ToString(), stateName), out _);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
