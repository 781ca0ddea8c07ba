namespace Conversations.Contracts;

/// <summary>The handoff status or the assigned agent changed (widget <c>state</c>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ConversationStateChanged")]
public sealed record ConversationStateChanged(string WorkspaceId, string SiteId, string ContactId, ConversationStatus Previous, ConversationState State)
    : ConversationEvent(WorkspaceId);
