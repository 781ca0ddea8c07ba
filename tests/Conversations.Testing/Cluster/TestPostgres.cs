using Npgsql;

namespace Conversations.Testing.Cluster;

/// <summary>A PostgreSQL database of its own for one fixture, created from <c>CONVERSATIONS_TEST_POSTGRES</c>
/// and dropped afterwards, so parallel test runs never share tables.</summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "CONVERSATIONS_TEST_POSTGRES";

    private readonly string _name;

    private TestPostgres(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The Npgsql connection string of the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates <c>test_&lt;random&gt;</c> (or <paramref name="prefix"/><c>_&lt;random&gt;</c>) on the server of <c>CONVERSATIONS_TEST_POSTGRES</c>.</summary>
    public static async Task<TestPostgres> CreateAsync(string prefix = "test")
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        return new TestPostgres(name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(AdminConnectionString!, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
