namespace Conversations.Server.Cluster;

/// <summary>What the connections of <paramref name="Origin"/> follow, or how that changed.</summary>
/// <param name="Origin">The announcing silo.</param>
/// <param name="Number">Rises with every announcement of the origin, so a late one is recognised.</param>
/// <param name="Full">True: <paramref name="Added"/> is the whole set, replacing what was announced before.</param>
/// <param name="Added">Keys (<see cref="AudienceKeys"/>) now followed.</param>
/// <param name="Removed">Keys no longer followed.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.Server.Cluster.AudienceAnnouncement")]
public sealed record AudienceAnnouncement(
    SiloAddress Origin,
    long Number,
    bool Full,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed);
