namespace Conversations.Contracts;

/// <summary>An agent replies (or writes a note, which never reaches the customer).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AgentMessage")]
public sealed record AgentMessage(string AgentId, string ClientMessageId, string? Text, Attachment? Attachment = null);
