namespace Conversations.Contracts;

/// <summary>An agent's live conversations changed (console counter <c>mine</c>).</summary>
public sealed record AgentLoadChanged(string WorkspaceId, string AgentId, int ActiveConversations, int Capacity)
    : ConversationEvent(WorkspaceId);
