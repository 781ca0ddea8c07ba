namespace Conversations.Server.Hubs.Requests;

/// <summary>The widget's <c>rate</c>.</summary>
public sealed record RateRequest(string? ConversationId, int? Score, string? Comment);
