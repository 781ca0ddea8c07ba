namespace Conversations.Contracts;

/// <summary>A message was stored. Notes go to agents only.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.MessageAdded")]
public sealed record MessageAdded(string WorkspaceId, string SiteId, string ConversationId, string ContactId, string? AssignedAgentId, Message Message)
    : ConversationEvent(WorkspaceId);
