namespace Conversations.Server.Hubs.Requests;

/// <summary>The widget's <c>choose</c>.</summary>
public sealed record ChooseRequest(string? ConversationId, string? ClientMessageId, string? OptionId);
