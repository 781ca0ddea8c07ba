namespace Conversations.Contracts;

/// <summary>Where a channel belongs and its configuration (secret, webhook), for connector requests.</summary>
public sealed record ChannelRoute(string WorkspaceId, ChannelConfig Channel);
