namespace Conversations.Grains.Persistence;

/// <summary>One analytics fact (a transition, a message, an assignment…).</summary>
/// <param name="WorkspaceId">The tenant.</param>
/// <param name="Type">What happened, e.g. "conversation.waiting", "message.customer".</param>
/// <param name="ConversationId">The conversation, when there is one.</param>
/// <param name="AgentId">The agent involved, when there is one.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Data">Extra detail as a JSON object, when any.</param>
public sealed record AnalyticsEvent(string WorkspaceId, string Type, string? ConversationId, string? AgentId, DateTimeOffset OccurredAt, string? Data = null);
