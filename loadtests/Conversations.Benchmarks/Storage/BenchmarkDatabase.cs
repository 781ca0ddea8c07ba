using Conversations.Storage;
using Conversations.Storage.Migrations;
using Conversations.Storage.Sql;
using Npgsql;

namespace Conversations.Benchmarks;

/// <summary>A fresh database for one run: a temporary SQLite file, or a PostgreSQL schema dropped afterwards.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? _schema;
    private readonly string? _file;

    private BenchmarkDatabase(StorageOptions options, string? schema, string? file)
    {
        Options = options;
        Database = SqlDatabase.Create(options);
        _schema = schema;
        _file = file;
    }

    public StorageOptions Options { get; }

    public SqlDatabase Database { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(StorageProvider provider)
    {
        BenchmarkDatabase target;
        if (provider == StorageProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"conversations-bench-{Guid.NewGuid():N}.db");
            target = new BenchmarkDatabase(new StorageOptions { ConnectionString = $"Data Source={file}" }, null, file);
        }
        else
        {
            var schema = $"bench_{Guid.NewGuid():N}";
            var admin = Environment.GetEnvironmentVariable(StorageQuick.PostgresVariable)!;
            await ExecuteAsync(admin, $"CREATE SCHEMA {schema}");
            var builder = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema };
            target = new BenchmarkDatabase(new StorageOptions { Provider = provider, ConnectionString = builder.ConnectionString }, schema, null);
        }

        await new StorageMigrator(target.Database).MigrateAsync();
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_schema is not null)
        {
            await ExecuteAsync(Environment.GetEnvironmentVariable(StorageQuick.PostgresVariable)!, $"DROP SCHEMA {_schema} CASCADE");
        }

        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_file + suffix);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
