using Conversations.Storage.Migrations;
using Conversations.Storage.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Conversations.Storage.Tests.Support;

/// <summary>A fresh, migrated database for one test: a temporary SQLite file, or a PostgreSQL schema of its
/// own (selected by search_path) that is dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CONVERSATIONS_TEST_POSTGRES";

    private readonly List<SqlDatabase> _opened = [];
    private readonly string? _schema;
    private readonly string? _file;

    private TestDatabase(StorageOptions options, string? schema, string? file)
    {
        Options = options;
        _schema = schema;
        _file = file;
        Database = Open();
    }

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public StorageOptions Options { get; }

    public SqlDatabase Database { get; }

    /// <param name="provider">SQLite or PostgreSQL.</param>
    /// <param name="throughVersion">The last migration applied: all of them unless a test needs an older schema.</param>
    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, int throughVersion = int.MaxValue)
    {
        TestDatabase database;
        if (provider == StorageProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "conversations-storage-tests", $"{Guid.NewGuid():N}.db");
            database = new TestDatabase(new StorageOptions { Provider = provider, ConnectionString = $"Data Source={file}" }, null, file);
        }
        else
        {
            var schema = $"test_{Guid.NewGuid():N}";
            var admin = PostgresConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            await ExecutePostgresAsync(admin, $"CREATE SCHEMA {schema}");
            var builder = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema };
            database = new TestDatabase(new StorageOptions { Provider = provider, ConnectionString = builder.ConnectionString }, schema, null);
        }

        await new StorageMigrator(database.Database).MigrateAsync(throughVersion, CancellationToken.None);
        return database;
    }

    /// <summary>Another database object over the same data, as a restarted process would have.</summary>
    public SqlDatabase Open()
    {
        var database = SqlDatabase.Create(Options);
        _opened.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_file + suffix);
            }
        }

        if (_schema is not null)
        {
            await ExecutePostgresAsync(PostgresConnectionString!, $"DROP SCHEMA {_schema} CASCADE");
        }
    }

    private static async Task ExecutePostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
