namespace Conversations.Contracts;

/// <summary>A messaging channel reached through a connector.</summary>
/// <param name="Id">Channel id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Secret">Signs requests both ways.</param>
/// <param name="WebhookUrl">Where outbound messages are posted; null when none.</param>
/// <param name="AssistantId">The published assistant answering first; null for live-chat only.</param>
/// <param name="ReopenPolicy">What a customer writing into a closed conversation gets.</param>
/// <param name="AutoAssignment">Whether routing assigns agents.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ChannelConfig")]
public sealed record ChannelConfig(
    string Id,
    string Name,
    string Secret,
    string? WebhookUrl = null,
    string? AssistantId = null,
    ReopenPolicy ReopenPolicy = ReopenPolicy.NewConversation,
    bool AutoAssignment = true);
