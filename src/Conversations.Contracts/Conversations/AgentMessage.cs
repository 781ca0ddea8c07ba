namespace Conversations.Contracts;

/// <summary>An agent replies (or writes a note, which never reaches the customer). <paramref name="Origin"/> is
/// the console connection it came from (see <see cref="MessageAdded.Origin"/>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AgentMessage")]
public sealed record AgentMessage(string AgentId, string ClientMessageId, string? Text, Attachment? Attachment = null, string? Origin = null);
