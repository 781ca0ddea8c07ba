using Conversations.Contracts;

namespace Conversations.Grains.Directory;

/// <summary>A directory entry (site or channel): read on every widget or connector request, so it stays in
/// memory once active; the workspace grain, the authority, publishes it. The first workspace to publish an
/// id keeps it.</summary>
/// <typeparam name="TRoute">The route record stored.</typeparam>
public abstract class DirectoryEntryGrain<TRoute>(IPersistentState<DirectoryEntryState<TRoute>> state, string kind) : Grain
    where TRoute : class
{
    public Task<TRoute?> GetAsync() => Task.FromResult(state.State.Route);

    public async Task PublishAsync(TRoute route)
    {
        if (state.State.Route is { } current && WorkspaceOf(current) != WorkspaceOf(route))
        {
            throw new DomainException(DomainErrors.IdTaken, $"{kind} id '{this.GetPrimaryKeyString()}' belongs to another workspace; choose another id.");
        }

        state.State.Route = route;
        await state.WriteStateAsync();
    }

    /// <summary>The workspace a route belongs to.</summary>
    protected abstract string WorkspaceOf(TRoute route);
}
