using System.Text.Json.Serialization;
using Conversations.Contracts;

namespace Conversations.Server.Admin;

/// <summary>A site as administration shows it: whether it has an identity secret, never the secret itself,
/// except <see cref="IdentitySecret"/> in the one answer that generated it.</summary>
public sealed record SiteResponse(
    string Id,
    string Name,
    IReadOnlyList<string> AllowedOrigins,
    bool AutoAssignment,
    string PseudonymTemplate,
    ReopenPolicy ReopenPolicy,
    string? AssistantId,
    bool HasIdentitySecret,
    SiteAppearance Appearance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdentitySecret = null)
{
    public static SiteResponse From(SiteConfig site, string? generatedSecret = null) => new(
        site.Id,
        site.Name,
        site.AllowedOrigins,
        site.AutoAssignment,
        site.PseudonymTemplate,
        site.ReopenPolicy,
        site.AssistantId,
        site.IdentitySecret is { Length: > 0 },
        site.Appearance ?? new SiteAppearance(),
        generatedSecret);
}
