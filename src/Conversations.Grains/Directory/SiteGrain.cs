using Conversations.Actors;
using Conversations.Contracts;

namespace Conversations.Grains.Directory;

/// <summary>A site's directory entry; read on every widget start, so it stays in memory once active.</summary>
public sealed class SiteGrain([PersistentState("site")] IPersistentState<DirectoryEntryState<SiteRoute>> state) : Grain, ISiteGrain
{
    public Task<SiteRoute?> GetAsync() => Task.FromResult(state.State.Route);

    public async Task PublishAsync(SiteRoute route)
    {
        if (state.State.Route is { } current && current.WorkspaceId != route.WorkspaceId)
        {
            throw new DomainException(DomainErrors.IdTaken, $"Site id '{GetPrimaryKeyString()}' belongs to another workspace; choose another id.");
        }

        state.State.Route = route;
        await state.WriteStateAsync();
    }
}
