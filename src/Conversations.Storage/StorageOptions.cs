using Conversations.Storage.Sql;

namespace Conversations.Storage;

/// <summary>Where and how storage writes; read from <c>Storage:*</c> and <c>ConnectionStrings:Conversations</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The SQLite file used when no connection string is configured.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=./data/conversations.db";

    /// <summary>SQLite or PostgreSQL.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The ADO.NET connection string of the provider.</summary>
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>SQLite <c>PRAGMA synchronous</c>. FULL by default: in WAL mode every commit is fsynced, so an
    /// acknowledged message survives a power loss, and group commit pays that fsync once per batch.
    /// NORMAL survives a process crash but may lose the last commits on power loss.</summary>
    public string SqliteSynchronous { get; set; } = "FULL";

    /// <summary>How long SQLite waits for a lock held by another connection (<c>PRAGMA busy_timeout</c>).</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most appends or events one group-commit transaction carries.</summary>
    public int MaxBatchSize { get; set; } = 2_000;

    /// <summary>How many PostgreSQL batches may commit at once: the next batch fills while one waits on its commit.
    /// SQLite always has a single writer.</summary>
    public int PostgresWriters { get; set; } = 2;
}
