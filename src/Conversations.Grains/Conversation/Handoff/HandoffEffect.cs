using Conversations.Contracts;

namespace Conversations.Grains.Conversation.Handoff;

/// <summary>What a transition asks the grain to do, in order: the machine has no I/O, so every message,
/// reminder, capacity change and queue change it implies is one of these.</summary>
public abstract record HandoffEffect
{
    private HandoffEffect()
    {
    }

    /// <summary>Append a system message to the log (the customer and the agents see it).</summary>
    public sealed record SystemMessage(string Text) : HandoffEffect;

    public sealed record Analytics(string Type, string? AgentId, string? Data = null) : HandoffEffect;

    /// <summary>Give the agent's unit of capacity back.</summary>
    public sealed record ReleaseAgent(string AgentId) : HandoffEffect;

    /// <summary>Freed capacity may serve someone waiting on this site.</summary>
    public sealed record DispatchQueue : HandoffEffect;

    /// <summary>Join the site's queue (routing orders it by the state's waiting time).</summary>
    public sealed record EnterQueue(string? TeamId) : HandoffEffect;

    /// <summary>Leave the site's queue; <paramref name="Assigned"/> counts the wait for the estimate.</summary>
    public sealed record LeaveQueue(bool Assigned) : HandoffEffect;

    public sealed record AddParticipant(string AgentId) : HandoffEffect;

    public sealed record StartSla : HandoffEffect;

    public sealed record StopSla : HandoffEffect;

    public sealed record ScheduleInactivity : HandoffEffect;

    public sealed record StopInactivity : HandoffEffect;

    /// <summary>A notification for one agent, or for every agent of the site when <paramref name="AgentId"/> is null.</summary>
    public sealed record Notify(NotificationKind Kind, string? AgentId, string Title) : HandoffEffect;

    /// <summary>Tell the customer an agent offers help.</summary>
    public sealed record HelpOffered(AgentRef Agent) : HandoffEffect;
}
