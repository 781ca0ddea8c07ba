using Conversations.Contracts;

namespace Conversations.Grains.Persistence;

/// <summary>One row of the console's conversation list read model, written by the conversation grain
/// on every change.</summary>
public sealed record ConversationIndexEntry(
    string ConversationId,
    string WorkspaceId,
    string SiteId,
    string ChannelId,
    ConversationStatus Status,
    string? AssignedAgentId,
    string? AssignedAgentName,
    string ContactId,
    string ContactName,
    string? LastMessageText,
    AuthorKind? LastMessageAuthor,
    DateTimeOffset? LastMessageAt,
    bool Unanswered,
    DateTimeOffset? WaitingSince,
    MonitoringMode Monitored,
    IReadOnlyDictionary<string, int> UnreadByAgent,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
