using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>The directory entry of a channel (key: channel id, unique across workspaces): connector
/// requests name only the channel, and their signature is checked with the secret stored here.</summary>
public interface IChannelGrain : IGrainWithStringKey
{
    /// <summary>The channel's workspace and configuration, or null for an unknown channel.</summary>
    [ReadOnly]
    Task<ChannelRoute?> GetAsync();

    /// <summary>Claims the id for a workspace (refused when another holds it) and stores its configuration.</summary>
    Task PublishAsync(ChannelRoute route);
}
