using Conversations.Contracts;

namespace Conversations.Server.Admin;

/// <summary>An agent as administration lists it.</summary>
/// <remarks><c>active</c> is false once revoked (the agent can no longer sign in); <c>activeConversations</c>
/// counts the live conversations the agent handles now; <c>lastActivityAt</c> and
/// <c>messageCount</c> come from the messages it sent.</remarks>
public sealed record AgentResponse(
    string Id,
    string Email,
    string DisplayName,
    AgentRole Role,
    IReadOnlyList<string>? AllowedSiteIds,
    int Capacity,
    bool ShowBotConversations,
    string? AvatarUrl,
    bool Licensed,
    AgentStatus Status,
    bool Active,
    int ActiveConversations,
    DateTimeOffset? LastActivityAt = null,
    long MessageCount = 0);
