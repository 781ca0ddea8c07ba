namespace Conversations.Contracts;

/// <summary>An agent's profile and live situation.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AgentView")]
public sealed record AgentView(
    AgentProfile Profile,
    bool Exists,
    bool Licensed,
    AgentStatus Status,
    IReadOnlyList<string> ActiveConversationIds,
    DateTimeOffset? LastActivityAt,
    DateTimeOffset? LastAssignedAt,
    long MessageCount)
{
    /// <summary>Whether the agent may work on <paramref name="siteId"/>.</summary>
    public bool IsAllowedOn(string siteId) => Profile.AllowedSiteIds is null || Profile.AllowedSiteIds.Contains(siteId);

    /// <summary>An <see cref="AgentRef"/> for conversations.</summary>
    public AgentRef ToRef() => new(Profile.Id, Profile.DisplayName, Profile.AvatarUrl);
}
