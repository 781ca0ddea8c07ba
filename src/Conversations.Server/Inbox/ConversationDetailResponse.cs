using Conversations.Contracts;

namespace Conversations.Server.Inbox;

/// <summary>The answer of <c>GET /api/conversations/{id}</c>: the summary's fields, the contact with its
/// variables, the agents who took part, and the tags and priority the assistant set.</summary>
public sealed record ConversationDetailResponse(
    string Id,
    string SiteId,
    string ChannelId,
    ConversationStatus Status,
    AgentRef? AssignedAgent,
    ContactDetail Contact,
    LastMessage? LastMessage,
    int Unread,
    bool Unanswered,
    DateTimeOffset? WaitingSince,
    MonitoringMode Monitored,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<string> WatcherAgentIds,
    string? TeamId,
    int? Rating,
    long LastSeq,
    IReadOnlyList<string> Tags,
    int Priority);
