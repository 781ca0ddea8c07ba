namespace Conversations.Contracts;

/// <summary>An agent (key: agent id). Profile and licence are set through the workspace grain, which
/// is their authority; the console hub calls <see cref="SetStatusAsync"/> with the claims' agent id.</summary>
public interface IAgentGrain : IGrainWithStringKey
{
    Task<AgentView> GetAsync();

    /// <summary>online, away or offline; going offline starts the grace period after which the agent's
    /// live conversations return to the queue.</summary>
    Task<AgentView> SetStatusAsync(AgentStatus status);

    /// <summary>Called by the workspace grain only.</summary>
    Task SetProfileAsync(AgentProfile profile);

    /// <summary>Called by the workspace grain only.</summary>
    Task SetLicensedAsync(bool licensed);

    /// <summary>Takes one unit of capacity for a conversation, or throws the precise reason the agent
    /// cannot have it (unknown, not licensed, offline, not allowed on the site, full).</summary>
    Task<AgentView> ReserveAsync(string conversationId, string siteId);

    /// <summary>Gives back the conversation's unit of capacity; idempotent.</summary>
    Task ReleaseAsync(string conversationId);

    /// <summary>Counts a message the agent sent and refreshes its last activity.</summary>
    Task RecordMessageAsync();
}
