namespace Conversations.Grains.Conversation.Handoff;

/// <summary>The outcome of a command: the next state and what the grain must do for it. A command that
/// changes nothing in the current status gives no effects and the same state.</summary>
public sealed record HandoffTransition(HandoffState State, IReadOnlyList<HandoffEffect> Effects)
{
    public bool Changed => Effects.Count > 0;

    /// <summary>True when the status changed or an agent got the conversation: consoles and the widget hear of it.</summary>
    public bool Announced { get; init; }

    public static HandoffTransition None(HandoffState state) => new(state, []);
}
