namespace Conversations.Contracts;

/// <summary>A conversation's console row changed. <see cref="ConversationSummary.Unread"/> is 0; the edge
/// sets it per agent from <paramref name="UnreadByAgent"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ConversationSummaryChanged")]
public sealed record ConversationSummaryChanged(
    string WorkspaceId,
    ConversationSummary Summary,
    IReadOnlyDictionary<string, int> UnreadByAgent,
    IReadOnlyList<string> WatcherAgentIds)
    : ConversationEvent(WorkspaceId);
