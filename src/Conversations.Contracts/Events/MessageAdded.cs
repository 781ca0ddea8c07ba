namespace Conversations.Contracts;

/// <summary>A message was stored. Notes go to agents only. <paramref name="Origin"/> is the hub connection
/// that sent it, if any: that connection has the message as its call's result, so it is not sent again.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.MessageAdded")]
public sealed record MessageAdded(string WorkspaceId, string SiteId, string ConversationId, string ContactId, string? AssignedAgentId, Message Message, string? Origin = null)
    : ConversationEvent(WorkspaceId);
