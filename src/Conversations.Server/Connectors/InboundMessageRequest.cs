namespace Conversations.Server.Connectors;

/// <summary>The body of <c>POST /api/channels/{channelId}/messages</c>. Everything is nullable so a
/// missing field is a validation error naming it, not a JSON error.</summary>
public sealed record InboundMessageRequest(
    string? MessageId,
    InboundSender? From,
    string? Text,
    IReadOnlyList<InboundAttachment?>? Attachments,
    DateTimeOffset? Timestamp);
