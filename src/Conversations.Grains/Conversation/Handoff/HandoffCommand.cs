using Conversations.Contracts;

namespace Conversations.Grains.Conversation.Handoff;

/// <summary>What can happen to a conversation's handoff state; <see cref="HandoffMachine"/> decides what it
/// does in each status.</summary>
public abstract record HandoffCommand
{
    private HandoffCommand()
    {
    }

    /// <summary>The conversation starts: with the site's assistant when there is one, else in the queue.</summary>
    public sealed record Start : HandoffCommand;

    /// <summary>The customer asked for a human.</summary>
    public sealed record CustomerAskedForAgent : HandoffCommand;

    /// <summary>The assistant's flow reached a transfer to a human, or to a team's queue.</summary>
    public sealed record AssistantHandedOff(string? TeamId = null) : HandoffCommand;

    /// <summary>The assistant did not understand <paramref name="Times"/> times in a row.</summary>
    public sealed record AssistantMisunderstood(int Times) : HandoffCommand;

    /// <summary>The customer wrote in a closed conversation whose reopen policy keeps it.</summary>
    public sealed record CustomerWroteAgain : HandoffCommand;

    /// <summary>An agent gets the conversation; the grain has reserved the agent's capacity.</summary>
    public sealed record Assign(AgentRef Agent, AssignReason Reason) : HandoffCommand;

    /// <summary>Back to the queue, or to a team's queue.</summary>
    public sealed record TransferToQueue(string? TeamId, string? TeamName) : HandoffCommand;

    /// <summary>An agent offers to help while the assistant answers.</summary>
    public sealed record OfferHelp(AgentRef Agent) : HandoffCommand;

    /// <summary>The agent whose help the customer accepted can no longer take the conversation.</summary>
    public sealed record HelperUnavailable(AgentRef Agent) : HandoffCommand;

    /// <summary>The agent stayed offline past the grace period.</summary>
    public sealed record AgentWentOffline(string AgentId) : HandoffCommand;

    /// <summary>The SLA reminder fired.</summary>
    public sealed record SlaDue : HandoffCommand;

    /// <summary>An agent or the customer sent the conversation back to the assistant.</summary>
    public sealed record ReturnToAssistant(string Text) : HandoffCommand;

    /// <summary>An agent closed it (<paramref name="AgentId"/>), or inactivity did (null).</summary>
    public sealed record Close(string Text, string? AgentId) : HandoffCommand;
}
