namespace Conversations.Contracts;

/// <summary>A connector's inbound message, after signature checks; the contact is the channel user.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.InboundMessage")]
public sealed record InboundMessage(
    string WorkspaceId,
    string ChannelId,
    string ExternalId,
    string ExternalUserId,
    string? DisplayName,
    string? Locale,
    string? Text,
    Attachment? Attachment = null);
