namespace Conversations.Contracts;

/// <summary>Keys of routing grains: one queue per workspace and site (or channel).</summary>
public static class RoutingKeys
{
    /// <summary>The queue key of a site or channel of a workspace.</summary>
    public static string ForSite(string workspaceId, string siteId) => $"{workspaceId}/{siteId}";
}
