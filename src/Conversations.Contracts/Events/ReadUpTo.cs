namespace Conversations.Contracts;

/// <summary>A participant read up to a seq (widget <c>read</c> when an agent reads).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ReadUpTo")]
public sealed record ReadUpTo(string WorkspaceId, string SiteId, string ConversationId, string ContactId, AuthorKind ReaderKind, string? ReaderId, long UpToSeq)
    : ConversationEvent(WorkspaceId);
