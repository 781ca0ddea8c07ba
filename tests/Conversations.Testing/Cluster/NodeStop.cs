namespace Conversations.Testing.Cluster;

/// <summary>How a drill takes a node down.</summary>
public enum NodeStop
{
    /// <summary>SIGKILL: the machine dies.</summary>
    Kill,

    /// <summary>SIGTERM: an orchestrator stops the node, which shuts down gracefully.</summary>
    Terminate,
}
