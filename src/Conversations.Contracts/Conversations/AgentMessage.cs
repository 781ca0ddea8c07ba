namespace Conversations.Contracts;

/// <summary>An agent replies (or writes a note, which never reaches the customer).</summary>
public sealed record AgentMessage(string AgentId, string ClientMessageId, string? Text, Attachment? Attachment = null);
