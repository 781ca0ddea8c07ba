namespace Conversations.Contracts;

/// <summary>A customer writes. <paramref name="ExternalId"/> is the channel provider's message id;
/// <paramref name="Origin"/> the widget connection it came from (see <see cref="MessageAdded.Origin"/>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.CustomerMessage")]
public sealed record CustomerMessage(
    string ContactId,
    string? ClientMessageId,
    string? Text,
    Attachment? Attachment = null,
    string? ExternalId = null,
    string? Origin = null);
