namespace Conversations.Server.Hubs.Requests;

/// <summary>Every method whose only argument is the conversation.</summary>
public sealed record ConversationRequest(string? ConversationId);
