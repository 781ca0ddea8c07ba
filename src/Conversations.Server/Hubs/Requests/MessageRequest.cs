namespace Conversations.Server.Hubs.Requests;

/// <summary>The widget's <c>send</c> and the console's <c>reply</c> and <c>note</c>.</summary>
public sealed record MessageRequest(string? ConversationId, string? ClientMessageId, string? Text, string? AttachmentId);
