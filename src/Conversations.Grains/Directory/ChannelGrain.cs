using Conversations.Contracts;

namespace Conversations.Grains.Directory;

/// <summary>A channel's directory entry: connector requests name only the channel, and their signature is
/// checked with the secret stored here.</summary>
[GrainType("ChannelGrain")]
public sealed class ChannelGrain([PersistentState("channel")] IPersistentState<DirectoryEntryState<ChannelRoute>> state)
    : DirectoryEntryGrain<ChannelRoute>(state, "Channel"), IChannelGrain
{
    protected override string WorkspaceOf(ChannelRoute route) => route.WorkspaceId;
}
