namespace Conversations.Grains.Directory;

/// <summary>The stored directory entry of a site or channel.</summary>
/// <typeparam name="TRoute">The route record.</typeparam>
public sealed class DirectoryEntryState<TRoute>
    where TRoute : class
{
    /// <summary>The published route; null until the workspace publishes it.</summary>
    public TRoute? Route { get; set; }
}
