using Conversations.Contracts;

namespace Conversations.Grains.Directory;

/// <summary>A site's directory entry: the widget names only a site, and this resolves its workspace.</summary>
[GrainType("SiteGrain")]
public sealed class SiteGrain([PersistentState("site")] IPersistentState<DirectoryEntryState<SiteRoute>> state)
    : DirectoryEntryGrain<SiteRoute>(state, "Site"), ISiteGrain
{
    protected override string WorkspaceOf(SiteRoute route) => route.WorkspaceId;
}
