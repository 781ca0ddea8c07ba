using Conversations.Testing.Hosting;
using Npgsql;

namespace Conversations.Server.Tests.Cluster;

/// <summary>One server node on Kestrel over a shared PostgreSQL database, with a data folder of its own, as
/// CONTRACT.md's "Running a cluster" starts each node.</summary>
public sealed class PostgresNode : KestrelServerFixture<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));

    public PostgresNode(string connectionString, IDictionary<string, string?>? settings = null)
    {
        Settings["Storage:DataDirectory"] = _dataDirectory;
        Settings["Storage:Provider"] = "Postgres";
        // A small pool per node: the test PostgreSQL serves several suites (and other runs) at once.
        Settings["ConnectionStrings:Conversations"] = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 15 }.ConnectionString;
        // Test webhooks listen on loopback, which the SSRF guard refuses by default.
        Settings["Connectors:Outbound:AllowPrivateNetworks"] = "true";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
