using Conversations.Actors;
using Conversations.Storage.Sql;
using Dapper;

namespace Conversations.Storage.State;

/// <summary>Grain state in the <c>grain_state</c> table. Writes are fenced by the version column: an insert
/// for version 0 and an update that names the expected version, so a lost race changes no row and throws
/// <see cref="InconsistentStateException"/> instead of overwriting a newer state.</summary>
public sealed class SqlGrainStorage(SqlDatabase database, GrainStateSerializer serializer, TimeProvider timeProvider) : IGrainStorage
{
    private const string Where = "type = @Type AND key = @Key AND state_name = @StateName";

    /// <inheritdoc/>
    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new()
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredRow>(new CommandDefinition(
            $"SELECT version AS Version, payload AS Payload FROM grain_state WHERE {Where}",
            Key(stateName, grainId),
            cancellationToken: cancellationToken));
        grainState.State = row is null ? new TState() : serializer.Deserialize<TState>(row.Payload);
        grainState.Version = row?.Version ?? 0;
        grainState.RecordExists = row is not null;
    }

    /// <inheritdoc/>
    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new()
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = grainState.Version;
        var parameters = new
        {
            Type = grainId.Type,
            Key = grainId.Key,
            StateName = stateName,
            Expected = expected,
            Next = expected + 1,
            Payload = serializer.Serialize(grainState.State),
            UpdatedAt = database.Time(timeProvider.GetUtcNow()),
        };
        var sql = expected == 0
            ? "INSERT INTO grain_state (type, key, state_name, version, payload, updated_at) VALUES (@Type, @Key, @StateName, @Next, @Payload, @UpdatedAt) ON CONFLICT DO NOTHING"
            : $"UPDATE grain_state SET version = @Next, payload = @Payload, updated_at = @UpdatedAt WHERE {Where} AND version = @Expected";
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        if (changed != 1)
        {
            throw await MismatchAsync(connection, stateName, grainId, expected, cancellationToken);
        }

        grainState.Version = expected + 1;
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new()
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = grainState.Version;
        await using var connection = await database.OpenAsync(cancellationToken);
        if (expected != 0)
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM grain_state WHERE {Where} AND version = @Expected",
                new { Type = grainId.Type, Key = grainId.Key, StateName = stateName, Expected = expected },
                cancellationToken: cancellationToken));
            if (deleted != 1)
            {
                throw await MismatchAsync(connection, stateName, grainId, expected, cancellationToken);
            }
        }
        else if (await StoredVersionAsync(connection, stateName, grainId, cancellationToken) is not null)
        {
            // Version 0 means "I saw no record"; one exists, so someone else wrote it.
            throw await MismatchAsync(connection, stateName, grainId, expected, cancellationToken);
        }

        grainState.State = new TState();
        grainState.Version = 0;
        grainState.RecordExists = false;
    }

    private static object Key(string stateName, GrainId grainId) => new { Type = grainId.Type, Key = grainId.Key, StateName = stateName };

    private static async Task<InconsistentStateException> MismatchAsync(
        System.Data.Common.DbConnection connection, string stateName, GrainId grainId, long expected, CancellationToken cancellationToken) =>
        InconsistentStateException.VersionMismatch(stateName, grainId, expected, await StoredVersionAsync(connection, stateName, grainId, cancellationToken));

    private static Task<long?> StoredVersionAsync(System.Data.Common.DbConnection connection, string stateName, GrainId grainId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT version FROM grain_state WHERE {Where}", Key(stateName, grainId), cancellationToken: cancellationToken));

    private sealed record StoredRow(long Version, byte[] Payload);
}
