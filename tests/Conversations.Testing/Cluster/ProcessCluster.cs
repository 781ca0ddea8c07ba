using Npgsql;

namespace Conversations.Testing.Cluster;

/// <summary>N published servers forming one Orleans cluster over one PostgreSQL database, each started with
/// CONTRACT.md's "Running a cluster" settings (its own HTTP, silo and gateway ports and data folder).</summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    /// <summary>The demo channel's signing secret on these nodes.</summary>
    public const string ConnectorSecret = "cluster-connector-secret";

    private const string ClusterId = "conversations";
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    private readonly List<NodeProcess> _nodes;

    private ProcessCluster(string connectionString, List<NodeProcess> nodes)
    {
        ConnectionString = connectionString;
        _nodes = nodes;
    }

    public string ConnectionString { get; }

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    /// <summary>Starts the first node alone (it migrates and seeds the empty database), then the others at
    /// once, and waits until every silo is active in the membership table.</summary>
    public static async Task<ProcessCluster> StartAsync(string connectionString, int count, IReadOnlyDictionary<string, string>? extra = null)
    {
        var nodes = new List<NodeProcess>();
        var cluster = new ProcessCluster(connectionString, nodes);
        try
        {
            nodes.Add(await NodeProcess.StartAsync(Settings(connectionString, extra), ReadyWithin));
            nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, count - 1).Select(_ => NodeProcess.StartAsync(Settings(connectionString, extra), ReadyWithin))));
            await cluster.WaitForActiveSilosAsync(count, TimeSpan.FromSeconds(60));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The silos the membership table lists as active (a killed one stays active until declared dead).</summary>
    public async Task<int> ActiveSilosAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM membership_silos WHERE cluster_id = @cluster AND status = @active", connection);
        command.Parameters.AddWithValue("cluster", ClusterId);
        command.Parameters.AddWithValue("active", (int)SiloStatus.Active);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(n => n.DisposeAsync().AsTask()));
    }

    private static Dictionary<string, string> Settings(string connectionString, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Conversations"] = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 20 }.ConnectionString,
            ["Orleans:Clustering"] = "Postgres",
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:SiloPort"] = NodeProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = NodeProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:AdvertisedAddress"] = "127.0.0.1",
            ["Seed:ConnectorSecret"] = ConnectorSecret,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:SignInPerMinute"] = "100000",
            ["Auth:SignInPerAccountPerMinute"] = "100000",
            ["Hubs:InvocationsPerSecond"] = "100000",
            ["Hubs:InvocationBurst"] = "100000",
        };
        foreach (var (key, value) in Hosting.AbuseSettings.Generous)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private async Task WaitForActiveSilosAsync(int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (await ActiveSilosAsync() < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Fewer than {count} silos active after {within.TotalSeconds:N0} s.");
            }

            await Task.Delay(200);
        }
    }
}
