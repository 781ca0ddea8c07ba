using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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

    // The batch writers all write on this one connection, in turns at the gate. With a connection each, every
    // commit made the others' page caches stale (in WAL mode a connection drops its cache when it sees another's
    // commit in the log), so each turn began by reading its pages back: pread was 6% of the server's CPU at
    // saturation. Only used while holding the gate.
    private readonly string _writeConnectionString;
    private readonly string _level;
    private SqliteConnection? _writeConnection;
    private bool _writeConnectionSkipsFsync;

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
        _level = level;

        // Its own, not pooled: its larger cache is not handed to readers.
        _writeConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
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
    public override async ValueTask<WriteTurn> BeginWriteAsync(bool writeBehind, CancellationToken cancellationToken)
    {
        var gate = await EnterWriteAsync(cancellationToken);
        try
        {
            var connection = await WriteConnectionAsync(cancellationToken);

            // A write-behind writer (the conversation index, analytics) may lose its last interval in a crash
            // anyway: its commits skip their own fsync, and are made durable by the next fsynced commit of the WAL.
            if (_fsyncs && writeBehind != _writeConnectionSkipsFsync)
            {
                await ExecuteAsync(connection, writeBehind ? "PRAGMA synchronous = NORMAL;" : $"PRAGMA synchronous = {_level};", cancellationToken);
                _writeConnectionSkipsFsync = writeBehind;
            }

            return new WriteTurn(connection, ownsConnection: false, gate);
        }
        catch
        {
            gate!.Dispose();
            throw;
        }
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

    /// <summary>Closes the write connection.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (_writeConnection is not null)
        {
            await _writeConnection.DisposeAsync();
            _writeConnection = null;
        }

        await base.DisposeAsync();
    }

    private async Task<SqliteConnection> WriteConnectionAsync(CancellationToken cancellationToken)
    {
        if (_writeConnection is { State: System.Data.ConnectionState.Open } open)
        {
            // A turn that failed between its statements and its rollback must not leave its transaction to the next.
            if (raw.sqlite3_get_autocommit(open.Handle) == 0)
            {
                await ExecuteAsync(open, "ROLLBACK;", cancellationToken);
            }

            return open;
        }

        if (_writeConnection is not null)
        {
            await _writeConnection.DisposeAsync();
            _writeConnection = null;
        }

        var connection = new SqliteConnection(_writeConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // The pages every turn touches (the tables' right edges, the grain state and index rows of live
            // conversations) stay cached from turn to turn: 16 MB instead of SQLite's 2 MB.
            await ExecuteAsync(connection, _pragmas + " PRAGMA cache_size = -16384;", cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _writeConnection = connection;
        _writeConnectionSkipsFsync = false;
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
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
