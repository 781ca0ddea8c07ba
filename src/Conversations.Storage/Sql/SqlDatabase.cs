using System.Data.Common;

namespace Conversations.Storage.Sql;

/// <summary>One database of either provider: opens connections and converts values where the dialects differ.
/// Everything else (the SQL text of shared statements) is written once for both.</summary>
public abstract class SqlDatabase : IAsyncDisposable
{
    /// <summary>Which provider this is.</summary>
    public abstract StorageProvider Provider { get; }

    /// <summary>Opens a connection ready for use (pragmas set on SQLite, pooled on PostgreSQL).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A time as a parameter value of this provider.</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>Enters this process's queue of write transactions; dispose the result after commit. Only
    /// SQLite queues (see <see cref="SqliteDatabase"/>); PostgreSQL locks rows and needs none.</summary>
    public virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Begins a batch writer's turn: on SQLite, waits at the write gate and lends the one write
    /// connection (see <see cref="SqliteDatabase"/>); elsewhere opens a connection of the turn's own. A write-behind
    /// writer (<paramref name="writeBehind"/>: the conversation index, analytics), whose last interval a crash may
    /// lose anyway, skips its own fsync on SQLite.</summary>
    public virtual async ValueTask<WriteTurn> BeginWriteAsync(bool writeBehind, CancellationToken cancellationToken) =>
        new(await OpenAsync(cancellationToken), ownsConnection: true, gate: null);

    /// <summary>A nullable time as a parameter value of this provider.</summary>
    public object? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    /// <summary>A condition "column is one of the array parameter's values". Dapper passes arrays to Npgsql
    /// as one array parameter, but expands them into a parameter list for SQLite; an empty array matches nothing.</summary>
    public string InList(string column, string parameter) =>
        Provider == StorageProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>Creates the database object for some options.</summary>
    public static SqlDatabase Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StorageProvider.Sqlite => new SqliteDatabase(options.ConnectionString, options.SqliteSynchronous, options.SqliteBusyTimeout),
            StorageProvider.Postgres => new PostgresDatabase(options.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown storage provider."),
        };
    }

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
