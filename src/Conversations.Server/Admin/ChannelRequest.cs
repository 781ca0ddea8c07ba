namespace Conversations.Server.Admin;

/// <summary>The body of <c>POST /api/channels</c> and <c>PUT /api/channels/{id}</c>. The signing secret is
/// write-only: given, generated when absent on creation, or regenerated with <c>rotateSecret</c>.</summary>
/// <remarks><c>webhookUrl</c> empty or absent means no outbound webhook.</remarks>
public sealed record ChannelRequest(
    string? Id,
    string? Name,
    string? Secret,
    bool? RotateSecret,
    string? WebhookUrl,
    string? AssistantId,
    string? ReopenPolicy,
    bool? AutoAssignment);
