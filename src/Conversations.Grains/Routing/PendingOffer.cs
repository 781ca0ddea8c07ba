namespace Conversations.Grains.Routing;

/// <summary>A conversation offered to an agent, not yet answered.</summary>
internal sealed record PendingOffer(string ConversationId, string AgentId, DateTimeOffset At);
