namespace Conversations.Contracts;

/// <summary>A conversation for the console's detail view and for other grains.</summary>
/// <param name="Summary">The list view, unread for the asking agent.</param>
/// <param name="WorkspaceId">The tenant.</param>
/// <param name="Variables">Variables captured by the bot or set by the widget.</param>
/// <param name="ParticipantAgentIds">Every agent who was assigned at some point.</param>
/// <param name="WatcherAgentIds">Agents watching it.</param>
/// <param name="TeamId">The team it was transferred to, if any.</param>
/// <param name="Rating">The customer's score, 1 to 5, if given.</param>
/// <param name="LastSeq">The highest message seq.</param>
/// <param name="Tags">Tags the assistant put on it.</param>
/// <param name="Priority">Its routing priority (higher first).</param>
/// <param name="AssistantTeamId">The team the assistant's onboarding rules chose, if any.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ConversationDetails")]
public sealed record ConversationDetails(
    ConversationSummary Summary,
    string WorkspaceId,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<string> ParticipantAgentIds,
    IReadOnlyList<string> WatcherAgentIds,
    string? TeamId,
    int? Rating,
    long LastSeq,
    IReadOnlyList<string>? Tags = null,
    int Priority = 0,
    string? AssistantTeamId = null);
