namespace Conversations.Contracts;

/// <summary>A waiting customer's place in the queue (widget <c>queue</c>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.QueuePositionChanged")]
public sealed record QueuePositionChanged(string WorkspaceId, string SiteId, string ConversationId, string ContactId, int Position, int EstimatedWaitSeconds)
    : ConversationEvent(WorkspaceId);
