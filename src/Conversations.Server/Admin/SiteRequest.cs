using Conversations.Contracts;

namespace Conversations.Server.Admin;

/// <summary>The body of <c>POST /api/sites</c> and <c>PUT /api/sites/{id}</c>. The identity-verification
/// secret is write-only: set it, generate one (answered once), clear it, or leave it out to keep it. Leaving
/// <c>appearance</c> out keeps the current one.</summary>
public sealed record SiteRequest(
    string? Id,
    string? Name,
    IReadOnlyList<string>? AllowedOrigins,
    bool? AutoAssignment,
    string? PseudonymTemplate,
    string? ReopenPolicy,
    string? AssistantId,
    string? IdentitySecret,
    bool? GenerateIdentitySecret,
    bool? ClearIdentitySecret,
    SiteAppearance? Appearance = null);
