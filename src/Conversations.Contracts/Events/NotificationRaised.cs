namespace Conversations.Contracts;

/// <summary>A console notification, for one agent or (when <paramref name="AgentId"/> is null) every
/// agent allowed on the site.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.NotificationRaised")]
public sealed record NotificationRaised(string WorkspaceId, string SiteId, string ConversationId, string? AgentId, NotificationKind Kind, string Title, string Body)
    : ConversationEvent(WorkspaceId);
