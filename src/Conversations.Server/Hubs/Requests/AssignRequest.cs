namespace Conversations.Server.Hubs.Requests;

/// <summary>The console's <c>assign</c>.</summary>
public sealed record AssignRequest(string? ConversationId, string? AgentId);
