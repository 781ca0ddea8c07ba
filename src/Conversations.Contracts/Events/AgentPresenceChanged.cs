namespace Conversations.Contracts;

/// <summary>An agent's status changed (console <c>presence</c>).</summary>
public sealed record AgentPresenceChanged(string WorkspaceId, string AgentId, AgentStatus Status)
    : ConversationEvent(WorkspaceId);
