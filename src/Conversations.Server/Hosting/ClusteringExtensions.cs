using System.Net;
using System.Net.Sockets;
using Conversations.Storage.Membership;
using Orleans.Configuration;

namespace Conversations.Server.Hosting;

/// <summary>How the silo finds its peers: <c>Orleans:Clustering</c> = <c>Localhost</c> (default, one process) or
/// <c>Postgres</c> (membership in the storage database), as CONTRACT.md "Running a cluster" fixes.</summary>
public static class ClusteringExtensions
{
    public static ISiloBuilder UseConversationsClustering(this ISiloBuilder silo, IConfiguration configuration, int siloPort, int gatewayPort)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var clusterId = configuration["Orleans:ClusterId"] is { Length: > 0 } id ? id : "conversations";
        switch (configuration["Orleans:Clustering"] is { Length: > 0 } mode ? mode : "Localhost")
        {
            case var m when m.Equals("Localhost", StringComparison.OrdinalIgnoreCase):
                return silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: clusterId, clusterId: clusterId);
            case var m when m.Equals("Postgres", StringComparison.OrdinalIgnoreCase):
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
                silo.ConfigureEndpoints(AdvertisedAddress(configuration["Orleans:AdvertisedAddress"]), siloPort, gatewayPort, listenOnAnyHostAddress: true);

                // Orleans' defaults take 10-60 s to declare a silo dead; these measured ~1 s after kill -9
                // and ~8.5 s for a frozen process on 3 silos (ORLEANS.md), well inside a client's reconnect.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.NumMissedProbesLimit = 2;
                    o.NumVotesForDeathDeclaration = 1;

                    // An indirect probe goes through another silo; when that one died too (two of three nodes
                    // lost at once) the probe ends "unknown", never "missed", and the survivor waits on both
                    // dead silos forever (seen with deploy/local/cluster.sh). Direct probes decide.
                    o.EnableIndirectProbes = false;
                    o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
                });
                return silo.UsePostgresClustering();
            default:
                throw new InvalidOperationException($"Orleans:Clustering must be Localhost or Postgres, not '{configuration["Orleans:Clustering"]}'.");
        }
    }

    // CONTRACT.md: the first non-loopback IPv4 address of this machine, else 127.0.0.1.
    private static IPAddress AdvertisedAddress(string? configured)
    {
        if (configured is { Length: > 0 })
        {
            return IPAddress.TryParse(configured, out var address)
                ? address
                : throw new InvalidOperationException($"Orleans:AdvertisedAddress '{configured}' is not an IP address.");
        }

        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
    }
}
