namespace Conversations.Contracts;

/// <summary>The last message of a conversation, for lists.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.LastMessage")]
public sealed record LastMessage(string? Text, AuthorKind AuthorKind, DateTimeOffset CreatedAt);
