using Conversations.Contracts;

namespace Conversations.Grains.Conversation.Handoff;

/// <summary>The part of a conversation that the handoff state machine reads and changes; the grain copies
/// it out of its stored state before a command and back after the transition. <see cref="AssistantTeamId"/> is
/// the team the assistant's onboarding rules chose: the assistant's handoffs go to it unless they name one.</summary>
public sealed record HandoffState(
    string ConversationId,
    string SiteId,
    ConversationStatus Status,
    bool HasAssistant,
    AgentRef? Agent = null,
    string? TeamId = null,
    DateTimeOffset? WaitingSince = null,
    DateTimeOffset? AssignedAt = null,
    bool AgentAnswered = false,
    int FallbackCount = 0,
    AgentRef? HelpOfferedBy = null,
    string? AssistantTeamId = null)
{
    /// <summary>The agent holding capacity for this conversation: only a live conversation has one (a closed
    /// one keeps its last agent for reporting, but that agent was released).</summary>
    public AgentRef? LiveAgent => Status == ConversationStatus.Live ? Agent : null;

    internal string StatusName => Status.ToString().ToLowerInvariant();
}
