using Conversations.Actors;
using Conversations.Contracts;

namespace Conversations.Grains.Directory;

/// <summary>A channel's directory entry; read on every connector request to check its signature.</summary>
public sealed class ChannelGrain([PersistentState("channel")] IPersistentState<DirectoryEntryState<ChannelRoute>> state) : Grain, IChannelGrain
{
    public Task<ChannelRoute?> GetAsync() => Task.FromResult(state.State.Route);

    public async Task PublishAsync(ChannelRoute route)
    {
        if (state.State.Route is { } current && current.WorkspaceId != route.WorkspaceId)
        {
            throw new DomainException(DomainErrors.IdTaken, $"Channel id '{GetPrimaryKeyString()}' belongs to another workspace; choose another id.");
        }

        state.State.Route = route;
        await state.WriteStateAsync();
    }
}
