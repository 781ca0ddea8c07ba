namespace Conversations.Contracts;

/// <summary>A conversation as the console lists it (CONTRACT.md). <see cref="Unread"/> is for the agent
/// the summary is sent to.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ConversationSummary")]
public sealed record ConversationSummary(
    string Id,
    string SiteId,
    string ChannelId,
    ConversationStatus Status,
    AgentRef? AssignedAgent,
    ContactRef Contact,
    LastMessage? LastMessage,
    int Unread,
    bool Unanswered,
    DateTimeOffset? WaitingSince,
    MonitoringMode Monitored);
