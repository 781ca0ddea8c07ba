namespace Conversations.Contracts;

/// <summary>Where a channel belongs and its configuration (secret, webhook), for connector requests.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ChannelRoute")]
public sealed record ChannelRoute(string WorkspaceId, ChannelConfig Channel);
