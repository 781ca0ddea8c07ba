using System.Text.Json.Serialization;
using Conversations.Contracts;

namespace Conversations.Server.Admin;

/// <summary>A channel as administration shows it; <see cref="Secret"/> only in the answer that created or
/// rotated it.</summary>
public sealed record ChannelResponse(
    string Id,
    string Name,
    string? WebhookUrl,
    string? AssistantId,
    ReopenPolicy ReopenPolicy,
    bool AutoAssignment,
    bool HasSecret,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static ChannelResponse From(ChannelConfig channel, string? revealedSecret = null) => new(
        channel.Id,
        channel.Name,
        channel.WebhookUrl,
        channel.AssistantId,
        channel.ReopenPolicy,
        channel.AutoAssignment,
        channel.Secret.Length > 0,
        revealedSecret);
}
