namespace Conversations.Contracts;

/// <summary>What administration sets about an agent.</summary>
/// <param name="Id">Agent id (the sign-in's subject).</param>
/// <param name="WorkspaceId">The agent's workspace.</param>
/// <param name="Email">Sign-in and notification address.</param>
/// <param name="DisplayName">Name customers and colleagues see.</param>
/// <param name="Role">agent, supervisor, botmaster or admin.</param>
/// <param name="AllowedSiteIds">Sites the agent works on; null for every site.</param>
/// <param name="Capacity">Most live conversations at once.</param>
/// <param name="ShowBotConversations">Whether the console lists conversations the assistant handles.</param>
/// <param name="AvatarUrl">Picture, when any.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AgentProfile")]
public sealed record AgentProfile(
    string Id,
    string WorkspaceId,
    string Email,
    string DisplayName,
    AgentRole Role = AgentRole.Agent,
    IReadOnlyList<string>? AllowedSiteIds = null,
    int Capacity = 5,
    bool ShowBotConversations = false,
    string? AvatarUrl = null);
