using Conversations.Actors;
using Conversations.Storage.Sql;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.Storage.State;

/// <summary>Grain state in the <c>grain_state</c> table. Writes are fenced by the version column: an insert
/// for version 0 and an update that names the expected version, so a lost race changes no row and throws
/// <see cref="InconsistentStateException"/> instead of overwriting a newer state. Writes are group-committed
/// like the message log: every activation's write goes into one channel, a single background writer applies all
/// that is pending in one transaction (each with its own version check, in order) and completes each write only
/// after the commit, so many grains share one fsync. Reads and clears are rare and stay direct.</summary>
public sealed class SqlGrainStorage : IGrainStorage, IAsyncDisposable
{
    private const string Where = "type = @Type AND key = @Key AND state_name = @StateName";
    private readonly SqlDatabase _database;
    private readonly GrainStateSerializer _serializer;
    private readonly TimeProvider _timeProvider;
    private readonly IStateBatchWriter _writer;
    private readonly GroupCommit<PendingStateWrite> _commits;
    private readonly ILogger _logger;
    private int _disposed;

    public SqlGrainStorage(
        SqlDatabase database, GrainStateSerializer serializer, TimeProvider timeProvider, StorageOptions options, ILogger<SqlGrainStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _serializer = serializer;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<SqlGrainStorage>.Instance;
        _writer = database switch
        {
            SqliteDatabase sqlite => new SqliteStateBatchWriter(sqlite),
            PostgresDatabase postgres => (IStateBatchWriter)new PostgresStateBatchWriter(postgres),
            _ => throw new ArgumentException($"Unsupported database {database.GetType().Name}.", nameof(database)),
        };

        // One writer on both providers: batches then commit in enqueue order, so writes of one state never race.
        _commits = new GroupCommit<PendingStateWrite>(batch => _writer.WriteAsync(batch, CancellationToken.None), options.MaxBatchSize, writers: 1, _logger, "state writes");
    }

    /// <inheritdoc/>
    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new()
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredRow>(new CommandDefinition(
            $"SELECT version AS Version, payload AS Payload FROM grain_state WHERE {Where}",
            Key(stateName, grainId),
            cancellationToken: cancellationToken));
        grainState.State = row is null ? new TState() : _serializer.Deserialize<TState>(row.Payload);
        grainState.Version = row?.Version ?? 0;
        grainState.RecordExists = row is not null;
    }

    /// <inheritdoc/>
    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new()
    {
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();
        var expected = grainState.Version;
        var pending = new PendingStateWrite(
            stateName, grainId, expected, _serializer.Serialize(grainState.State), DbTime.Truncate(_timeProvider.GetUtcNow()));
        if (!_commits.TryEnqueue(pending))
        {
            throw new ObjectDisposedException(nameof(SqlGrainStorage), "Grain storage is stopping.");
        }

        // Not cancelled once queued: the write may commit, and the caller must then learn the new version.
        await pending.Task;
        grainState.Version = expected + 1;
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
        where TState : new()
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = grainState.Version;
        await using var connection = await _database.OpenAsync(cancellationToken);
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

    /// <summary>Stops taking writes, commits every pending one, and closes the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        await _commits.CompleteAsync();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _writer.DisposeAsync();
        }
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
