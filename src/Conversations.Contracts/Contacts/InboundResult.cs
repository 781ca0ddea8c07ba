namespace Conversations.Contracts;

/// <summary>The answer to an inbound message; <paramref name="Duplicate"/> when the provider id was seen before.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.InboundResult")]
public sealed record InboundResult(string ConversationId, Message Message, bool Duplicate);
