using Conversations.Server.Events;

namespace Conversations.Server.Cluster;

/// <summary>Wires the cross-silo event path: a grain service per silo receives, a forwarder sends.</summary>
public static class ClusterEventsExtensions
{
    /// <summary>Every silo's SignalR fan-out hears the events of grains on every silo that its connections
    /// follow; with one silo the forwarder has no destination and costs a queue hop.</summary>
    public static ISiloBuilder AddClusterEvents(this ISiloBuilder silo)
    {
        silo.AddGrainService<EdgeEventService>();
        silo.Services.AddSingleton<IEdgeEventServiceClient, EdgeEventServiceClient>();
        silo.Services.AddSingleton<RemoteAudiences>();
        silo.Services.AddSingleton<EdgeAudience>();
        silo.Services.AddSingleton<IEdgeAudience>(sp => sp.GetRequiredService<EdgeAudience>());
        silo.Services.AddHostedService(sp => sp.GetRequiredService<EdgeAudience>());
        silo.Services.AddSingleton<EdgeEventForwarder>();
        silo.Services.AddSingleton<IConversationEventHandler>(sp => sp.GetRequiredService<EdgeEventForwarder>());
        silo.Services.AddHostedService(sp => sp.GetRequiredService<EdgeEventForwarder>());
        return silo;
    }
}
