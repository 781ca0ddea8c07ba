namespace Conversations.Contracts;

/// <summary>A message of a conversation, as CONTRACT.md shapes it.</summary>
/// <param name="Id">Opaque message id.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Seq">Position in the conversation, increasing by one per message.</param>
/// <param name="Kind">text, image, choice, system or note.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">The text, always rendered as text.</param>
/// <param name="Attachment">An uploaded image.</param>
/// <param name="Options">Choices offered (kind choice).</param>
/// <param name="ClientMessageId">The sender's idempotency key.</param>
/// <param name="CreatedAt">When it was stored.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.Message")]
public sealed record Message(
    string Id,
    string ConversationId,
    long Seq,
    MessageKind Kind,
    MessageAuthor Author,
    string? Text,
    Attachment? Attachment,
    IReadOnlyList<ChoiceOption>? Options,
    string? ClientMessageId,
    DateTimeOffset CreatedAt);
