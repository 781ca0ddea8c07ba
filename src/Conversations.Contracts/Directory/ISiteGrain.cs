using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>The directory entry of a site (key: site id, unique across workspaces). The widget names only
/// a site, so the edge resolves its workspace here; the workspace grain, the authority, publishes it.</summary>
public interface ISiteGrain : IGrainWithStringKey
{
    /// <summary>The site's workspace and configuration, or null for an unknown site.</summary>
    [ReadOnly]
    Task<SiteRoute?> GetAsync();

    /// <summary>Claims the id for a workspace (refused with <see cref="DomainErrors.IdTaken"/> when another
    /// workspace holds it) and stores its configuration.</summary>
    Task PublishAsync(SiteRoute route);
}
