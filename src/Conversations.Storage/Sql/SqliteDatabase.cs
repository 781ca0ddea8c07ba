using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sql;

/// <summary>An SQLite file in WAL mode: readers never block the writer, and one writer commits at a time.</summary>
public sealed class SqliteDatabase : SqlDatabase
{
    // What a WAL file is cut back to when the log starts over: a burst's log need not stay on disk.
    private const long JournalSizeLimit = 64L * 1024 * 1024;

    private static readonly string[] SynchronousLevels = ["OFF", "NORMAL", "FULL", "EXTRA"];
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly bool _fsyncs;

    // SQLite has one write lock per file, and a writer that finds it taken sleeps in the busy handler
    // (1, 2, 5, 10 ms…) whatever the holder does. The batch writers (messages, state, index, analytics,
    // deliveries) queue here instead, so the lock passes to the next one the moment a commit ends.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteDatabase(string connectionString, string synchronous, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var level = synchronous.ToUpperInvariant();
        if (!SynchronousLevels.Contains(level))
        {
            throw new ArgumentException($"Unknown SQLite synchronous level '{synchronous}'.", nameof(synchronous));
        }

        EnsureFolder(builder.DataSource);
        _connectionString = builder.ToString();
        _pragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous = {level}; PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}; PRAGMA wal_autocheckpoint = 0; PRAGMA temp_store = MEMORY; PRAGMA journal_size_limit = {JournalSizeLimit};");
        FilePath = builder.DataSource;
        _fsyncs = level is "FULL" or "EXTRA";
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc/>
    public override StorageProvider Provider => StorageProvider.Sqlite;

    /// <inheritdoc/>
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // synchronous and busy_timeout are per connection, so every opened connection sets them.
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public override async Task<DbConnection> OpenWriteBehindAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        if (_fsyncs)
        {
            // Per connection, and set again by the next OpenAsync of this pooled connection.
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }

    /// <inheritdoc/>
    public override object Time(DateTimeOffset value) => DbTime.ToMicros(value);

    /// <summary>WAL frames (pages) from which <see cref="CheckpointAsync(int, CancellationToken)"/> holds the
    /// writers to let the log start over: about 32 MB with 4 KB pages, a few seconds of writes under load.</summary>
    public const int RestartAtFrames = 8_192;

    /// <summary>Copies the WAL into the database file and lets the log start over (see
    /// <see cref="CheckpointAsync(int, CancellationToken)"/>), however small it is.</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken) => CheckpointAsync(0, cancellationToken);

    /// <summary>Copies the WAL into the database file. Connections do not checkpoint on their own
    /// (<c>wal_autocheckpoint = 0</c>): left to SQLite, the commit that crosses the threshold does it, and every
    /// batch writer queued behind that commit waits for the copy and its fsync. So the bulk is copied while writers
    /// go on; once the log holds <paramref name="restartAtFrames"/> frames, the frames committed meanwhile are copied
    /// with the writers held at the write gate: a checkpoint that reaches the end of the log lets the next commit
    /// start the WAL over. Under steady load a checkpoint running beside the writers never catches up, and the WAL
    /// grew without end (610 MB in a minute of the e2e benchmark), making every page lookup and the file itself
    /// larger; held every second, the gate stalled the message log's commits 25-70 ms each time.</summary>
    public async Task CheckpointAsync(int restartAtFrames, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        long frames;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            // Its columns: busy, frames in the log, frames checkpointed.
            frames = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(1) : 0;
        }

        if (frames < restartAtFrames)
        {
            return;
        }

        using (await EnterWriteAsync(cancellationToken))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new Releaser(_writeGate);
    }

    private static void EnsureFolder(string dataSource)
    {
        if (dataSource.Length == 0 || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
