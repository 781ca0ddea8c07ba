namespace Conversations.Contracts;

/// <summary>The state a widget sees.</summary>
public sealed record ConversationState(string ConversationId, ConversationStatus Status, AgentRef? Agent);
