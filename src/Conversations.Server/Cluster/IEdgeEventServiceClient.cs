namespace Conversations.Server.Cluster;

/// <summary>Addresses the <see cref="IEdgeEventService"/> of one given silo.</summary>
public interface IEdgeEventServiceClient
{
    IEdgeEventService On(SiloAddress silo);
}
