namespace Conversations.Server.Hubs.Requests;

/// <summary>The widget's <c>history</c>.</summary>
public sealed record HistoryRequest(string? ConversationId, long? BeforeSeq, int? Limit);
