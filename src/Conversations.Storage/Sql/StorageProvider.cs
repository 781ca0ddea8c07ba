namespace Conversations.Storage.Sql;

/// <summary>The database behind storage.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file, the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    Postgres,
}
