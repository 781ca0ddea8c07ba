using System.Net;
using System.Net.Sockets;
using Conversations.Grains.Hosting;
using Conversations.Server.Cluster;
using Conversations.Server.Observability;
using Orleans.Dashboard;

namespace Conversations.Server.Hosting;

/// <summary>The Orleans silo inside the edge process: the grains and the SignalR edge share one host.</summary>
public static class SiloHostingExtensions
{
    /// <summary>Hosts a silo with the conversation grains, our SQL grain storage and reminder table (registered
    /// by storage), the Orleans Dashboard (mapped for admins by <see cref="Observability.DashboardExtensions"/>),
    /// the cross-silo event path and the clustering of <c>Orleans:Clustering</c>. <c>Orleans:SiloPort</c> and
    /// <c>Orleans:GatewayPort</c> fix the ports; unset, free ones are taken, because nothing outside a
    /// single-silo process needs to know them and several servers may share a machine.</summary>
    public static WebApplicationBuilder AddConversationsSilo(this WebApplicationBuilder builder)
    {
        var siloPort = PortOrFree(builder.Configuration["Orleans:SiloPort"]);
        var gatewayPort = PortOrFree(builder.Configuration["Orleans:GatewayPort"]);

        // AddOrleans rather than UseOrleans: UseOrleans binds the host's "Orleans" section as Orleans' own
        // provider configuration, where CONTRACT.md's Orleans:Clustering=Postgres (a plain value) would be
        // taken for a clustering provider section and refused at start-up.
        builder.Services.AddOrleans(silo =>
        {
            silo.UseConversationsClustering(builder.Configuration, siloPort, gatewayPort)
                .AddReminders()
                .AddConversationGrains()
                .AddClusterEvents();
            if (DashboardExtensions.IsEnabled(builder.Configuration))
            {
                silo.AddDashboard();
            }
        });
        return builder;
    }

    private static int PortOrFree(string? configured)
    {
        if (int.TryParse(configured, out var port) && port > 0)
        {
            return port;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
