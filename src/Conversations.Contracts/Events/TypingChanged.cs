namespace Conversations.Contracts;

/// <summary>Someone started or stopped typing.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.TypingChanged")]
public sealed record TypingChanged(string WorkspaceId, string SiteId, string ConversationId, string ContactId, MessageAuthor Author, bool IsTyping)
    : ConversationEvent(WorkspaceId);
