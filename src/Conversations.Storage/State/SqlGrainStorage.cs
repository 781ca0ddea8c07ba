using System.Globalization;
using Conversations.Storage.Sql;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Conversations.Storage.State;

/// <summary>Orleans grain storage over the <c>grain_state</c> table; the ETag is the row's version. Writes are
/// fenced by the version column: an insert for "no record" and an update that names the expected version, so a
/// lost race changes no row and throws Orleans' <see cref="InconsistentStateException"/> instead of overwriting
/// a newer state. Writes are group-committed like the message log: every activation's write goes into one
/// channel, a single background writer applies all that is pending in one transaction (each with its own
/// version check, in order) and completes each write only after the commit, so many grains share one fsync.
/// Reads and clears are rare and stay direct.</summary>
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
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleOrDefaultAsync<StoredRow>(
            $"SELECT version AS Version, payload AS Payload FROM grain_state WHERE {Where}", Key(stateName, StoredGrainId.From(grainId)));
        grainState.State = row is null ? Activator.CreateInstance<T>() : _serializer.Deserialize<T>(row.Payload);
        grainState.ETag = row is null ? null : ETag(row.Version);
        grainState.RecordExists = row is not null;
    }

    /// <inheritdoc/>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = Version(grainState.ETag);
        var pending = new PendingStateWrite(
            stateName, StoredGrainId.From(grainId), expected, _serializer.Serialize(grainState.State), DbTime.Truncate(_timeProvider.GetUtcNow()));
        if (!_commits.TryEnqueue(pending))
        {
            throw new ObjectDisposedException(nameof(SqlGrainStorage), "Grain storage is stopping.");
        }

        await pending.Task;
        grainState.ETag = ETag(expected + 1);
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var id = StoredGrainId.From(grainId);
        var expected = Version(grainState.ETag);
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        if (expected != 0)
        {
            var deleted = await connection.ExecuteAsync(
                $"DELETE FROM grain_state WHERE {Where} AND version = @Expected",
                new { id.Type, id.Key, StateName = stateName, Expected = expected });
            if (deleted != 1)
            {
                throw Mismatch(stateName, id, expected, await StoredVersionAsync(connection, stateName, id));
            }
        }
        else if (await StoredVersionAsync(connection, stateName, id) is { } stored)
        {
            // No ETag means "I saw no record"; one exists, so someone else wrote it.
            throw Mismatch(stateName, id, expected, stored);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
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

    /// <summary>The exception a stale write or clear gets, naming the state, the grain and both versions.</summary>
    internal static InconsistentStateException Mismatch(string stateName, StoredGrainId grainId, long expected, long? stored) =>
        new(
            $"State '{stateName}' of grain {grainId} is at version {(stored?.ToString(CultureInfo.InvariantCulture) ?? "none")} in storage, not {expected}.",
            stored is null ? string.Empty : ETag(stored.Value),
            expected == 0 ? string.Empty : ETag(expected));

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long Version(string? etag) => string.IsNullOrEmpty(etag) ? 0 : long.Parse(etag, CultureInfo.InvariantCulture);

    private static object Key(string stateName, StoredGrainId grainId) => new { grainId.Type, grainId.Key, StateName = stateName };

    private static Task<long?> StoredVersionAsync(System.Data.Common.DbConnection connection, string stateName, StoredGrainId grainId) =>
        connection.ExecuteScalarAsync<long?>($"SELECT version FROM grain_state WHERE {Where}", Key(stateName, grainId));

    private sealed record StoredRow(long Version, byte[] Payload);
}
