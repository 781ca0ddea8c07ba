using Conversations.Contracts;

namespace Conversations.Grains.Conversation;

/// <summary>The stored state of a conversation. The last seq is not here: the message log is its
/// authority, read on activation, so a crash between an append and a state write never reuses a seq. For
/// the same reason the message-derived fields may lag the log; see <see cref="TrackedSeq"/>.</summary>
public sealed class ConversationGrainState
{
    /// <summary>False until <c>StartAsync</c>; an unstarted conversation refuses everything.</summary>
    public bool Started { get; set; }

    /// <summary>The tenant.</summary>
    public string WorkspaceId { get; set; } = string.Empty;

    /// <summary>The site, or for channel conversations the channel: the routing scope.</summary>
    public string SiteId { get; set; } = string.Empty;

    /// <summary>The channel: "web" for the widget, else the connector channel id.</summary>
    public string ChannelId { get; set; } = string.Empty;

    /// <summary>The customer, who alone may act as the customer.</summary>
    public string ContactId { get; set; } = string.Empty;

    /// <summary>The customer's name for agents.</summary>
    public string ContactName { get; set; } = string.Empty;

    /// <summary>Whether the customer has a live widget connection.</summary>
    public bool ContactOnline { get; set; }

    /// <summary>The customer's language.</summary>
    public string? Locale { get; set; }

    /// <summary>The published assistant of the site or channel at start; null for live chat only.</summary>
    public string? AssistantId { get; set; }

    /// <summary>bot, waiting, live or closed.</summary>
    public ConversationStatus Status { get; set; }

    /// <summary>The assigned agent while live (and kept on close for reporting).</summary>
    public AgentRef? Agent { get; set; }

    /// <summary>The team the conversation was transferred to while waiting.</summary>
    public string? TeamId { get; set; }

    /// <summary>none, weak or strong.</summary>
    public MonitoringMode Monitoring { get; set; }

    /// <summary>Variables captured by the assistant or passed by the widget.</summary>
    public Dictionary<string, string> Variables { get; set; } = [];

    /// <summary>The highest seq each agent has read.</summary>
    public Dictionary<string, long> ReadSeqByAgent { get; set; } = [];

    /// <summary>Seqs of the latest customer messages (at most 200), for per-agent unread counts.</summary>
    public List<long> CustomerSeqs { get; set; } = [];

    /// <summary>The customer wrote last and no agent has replied since.</summary>
    public bool Unanswered { get; set; }

    /// <summary>When the conversation entered the queue, while waiting.</summary>
    public DateTimeOffset? WaitingSince { get; set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last seq the message-derived fields (last message, unanswered, customer seqs, agents'
    /// own messages as read, last activity) were stored with; later messages are replayed from the log on
    /// activation, because plain messages do not write the state. 0 (older records) replays the latest.</summary>
    public long TrackedSeq { get; set; }

    /// <summary>Last change of any kind.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Last message or transition, for the inactivity timeout.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The last message, for lists.</summary>
    public LastMessage? LastMessage { get; set; }

    /// <summary>When the current agent was assigned, for the SLA.</summary>
    public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>Whether the current agent has replied since being assigned.</summary>
    public bool AgentAnswered { get; set; }

    /// <summary>The assistant's flow position and captured answers, opaque to the grain (see <c>AssistantReply</c>).</summary>
    public string? AssistantState { get; set; }

    /// <summary>The team the assistant's onboarding rules chose (e.g. Spanish speakers): its handoffs queue there.</summary>
    public string? AssistantTeamId { get; set; }

    /// <summary>Tags the assistant (a tag step or an onboarding rule) put on the conversation.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The routing priority in the queue (higher first); onboarding rules may raise it.</summary>
    public int Priority { get; set; }

    /// <summary>Assistant fallbacks in a row.</summary>
    public int FallbackCount { get; set; }

    /// <summary>Every agent ever assigned.</summary>
    public List<string> Participants { get; set; } = [];

    /// <summary>Agents watching.</summary>
    public List<string> Watchers { get; set; } = [];

    /// <summary>The agent whose help offer the customer may accept.</summary>
    public AgentRef? HelpOfferedBy { get; set; }

    /// <summary>The customer's score, 1 to 5.</summary>
    public int? Rating { get; set; }
}
