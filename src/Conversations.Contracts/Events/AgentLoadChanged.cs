namespace Conversations.Contracts;

/// <summary>An agent's live conversations changed (console counter <c>mine</c>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AgentLoadChanged")]
public sealed record AgentLoadChanged(string WorkspaceId, string AgentId, int ActiveConversations, int Capacity)
    : ConversationEvent(WorkspaceId);
