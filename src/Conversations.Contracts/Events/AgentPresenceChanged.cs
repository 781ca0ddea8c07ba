namespace Conversations.Contracts;

/// <summary>An agent's status changed (console <c>presence</c>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AgentPresenceChanged")]
public sealed record AgentPresenceChanged(string WorkspaceId, string AgentId, AgentStatus Status)
    : ConversationEvent(WorkspaceId);
