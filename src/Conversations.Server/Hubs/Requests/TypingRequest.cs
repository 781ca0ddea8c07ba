namespace Conversations.Server.Hubs.Requests;

/// <summary><c>typing</c> on either hub.</summary>
public sealed record TypingRequest(string? ConversationId, bool IsTyping);
