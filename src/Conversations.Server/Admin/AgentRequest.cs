namespace Conversations.Server.Admin;

/// <summary>The body of <c>POST /api/agents</c> (all of it) and <c>PUT /api/agents/{id}</c> (only the fields
/// to change, see <see cref="AgentUpdate"/>; never the e-mail address, which is the sign-in and cannot
/// change; a password there resets it, ending the agent's sessions but never reactivating a revoked one).</summary>
/// <remarks>On creation <c>allowedSiteIds</c> null or absent means every site; <c>licensed</c> (creation
/// only) also gives a licence.</remarks>
public sealed record AgentRequest(
    string? Email,
    string? Password,
    string? DisplayName,
    string? Role,
    IReadOnlyList<string>? AllowedSiteIds,
    int? Capacity,
    bool? ShowBotConversations,
    string? AvatarUrl,
    bool? Licensed);
