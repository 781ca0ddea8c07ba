using Conversations.Contracts;

namespace Conversations.Grains.Agent;

/// <summary>The stored state of an agent.</summary>
public sealed class AgentGrainState
{
    /// <summary>Set by the workspace grain; null for an agent no workspace knows.</summary>
    public AgentProfile? Profile { get; set; }

    /// <summary>Mirror of the workspace directory's licence, which is the authority.</summary>
    public bool Licensed { get; set; }

    /// <summary>online, away or offline.</summary>
    public AgentStatus Status { get; set; }

    /// <summary>Live conversations assigned to the agent, in assignment order.</summary>
    public List<string> ActiveConversationIds { get; set; } = [];

    /// <summary>Last status change or message.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>Last assignment, the routing tie-breaker.</summary>
    public DateTimeOffset? LastAssignedAt { get; set; }

    /// <summary>Messages the agent sent.</summary>
    public long MessageCount { get; set; }
}
