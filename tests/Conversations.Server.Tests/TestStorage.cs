using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Conversations.Server.Tests;

/// <summary>Where a test server keeps its data: a SQLite file in its data folder by default, or, when
/// <c>CONVERSATIONS_TEST_SERVER_PROVIDER=Postgres</c>, a PostgreSQL database of its own created from
/// <c>CONVERSATIONS_TEST_POSTGRES</c>. The database is named after the data folder, so a second server over
/// the same folder (a restart) opens the same database.</summary>
public static class TestStorage
{
    public const string ProviderVariable = "CONVERSATIONS_TEST_SERVER_PROVIDER";
    public const string PostgresVariable = "CONVERSATIONS_TEST_POSTGRES";

    public static bool UsesPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Points the server's settings at the storage for <paramref name="dataDirectory"/>.</summary>
    public static void Configure(IDictionary<string, string?> settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Storage:DataDirectory"] = dataDirectory;
        if (!UsesPostgres)
        {
            settings["ConnectionStrings:Conversations"] = $"Data Source={Path.Combine(dataDirectory, "conversations.db")}";
            return;
        }

        var name = DatabaseName(dataDirectory);
        using (var connection = new NpgsqlConnection(Admin()))
        {
            connection.Open();
            using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", connection);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                create.ExecuteNonQuery();
            }
        }

        settings["Storage:Provider"] = "Postgres";
        settings["ConnectionStrings:Conversations"] = new NpgsqlConnectionStringBuilder(Admin()) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the PostgreSQL database of <paramref name="dataDirectory"/>, if it has one.</summary>
    public static async Task DropAsync(string dataDirectory)
    {
        if (!UsesPostgres)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName(dataDirectory)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Admin() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {PostgresVariable}, an Npgsql connection string.");

    // Only hex digits after a fixed prefix: safe to splice into DDL, which takes no parameters.
    private static string DatabaseName(string dataDirectory) =>
        "test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];
}
