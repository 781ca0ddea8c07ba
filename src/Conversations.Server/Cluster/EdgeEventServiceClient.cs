using Orleans.Runtime.Services;

namespace Conversations.Server.Cluster;

/// <summary>Orleans' client of the per-silo event service; every silo is a destination, not a ring range.</summary>
public sealed class EdgeEventServiceClient(IServiceProvider services)
    : GrainServiceClient<IEdgeEventService>(services), IEdgeEventServiceClient
{
    public IEdgeEventService On(SiloAddress silo) => GetGrainService(silo);
}
