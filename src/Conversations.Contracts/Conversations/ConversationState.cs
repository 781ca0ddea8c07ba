namespace Conversations.Contracts;

/// <summary>The state a widget sees.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ConversationState")]
public sealed record ConversationState(string ConversationId, ConversationStatus Status, AgentRef? Agent);
