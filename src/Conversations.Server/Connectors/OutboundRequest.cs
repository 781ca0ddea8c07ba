using Conversations.Contracts;

namespace Conversations.Server.Connectors;

/// <summary>A message a channel user must receive, queued until its delivery is stored.</summary>
public sealed record OutboundRequest(string ChannelId, string UserId, Message Message);
