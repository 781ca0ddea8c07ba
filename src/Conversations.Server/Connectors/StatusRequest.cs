namespace Conversations.Server.Connectors;

/// <summary>The body of <c>POST /api/channels/{channelId}/status</c>: the outbound message's id and how far it got.</summary>
public sealed record StatusRequest(string? MessageId, string? Status);
