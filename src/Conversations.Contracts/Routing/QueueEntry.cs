namespace Conversations.Contracts;

/// <summary>A waiting conversation. Higher <paramref name="Priority"/> goes first, then longest waiting.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.QueueEntry")]
public sealed record QueueEntry(string ConversationId, string ContactId, DateTimeOffset EnqueuedAt, int Priority = 0, string? TeamId = null);
