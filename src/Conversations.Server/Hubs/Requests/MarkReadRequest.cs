namespace Conversations.Server.Hubs.Requests;

/// <summary><c>markRead</c> on either hub.</summary>
public sealed record MarkReadRequest(string? ConversationId, long? UpToSeq);
