namespace Conversations.Contracts;

/// <summary>The widget's <c>send</c>, for a conversation the contact must own. <paramref name="Origin"/> is the
/// widget connection it came from (see <see cref="MessageAdded.Origin"/>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ContactMessage")]
public sealed record ContactMessage(string ConversationId, string ClientMessageId, string? Text, Attachment? Attachment = null, string? Origin = null);
