namespace Conversations.Server.Hubs.Payloads;

/// <summary>The <c>typing</c> event of both hubs.</summary>
public sealed record TypingPayload(string ConversationId, TypingAuthor Author, bool IsTyping);
