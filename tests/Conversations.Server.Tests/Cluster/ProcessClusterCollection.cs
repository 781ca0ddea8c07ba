namespace Conversations.Server.Tests.Cluster;

/// <summary>Tests that start three server processes run alone, after the parallel ones: on a 2-core machine
/// they would otherwise compete with every other test for the CPU their failover timings measure.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessClusterCollection
{
    public const string Name = "process cluster";
}
