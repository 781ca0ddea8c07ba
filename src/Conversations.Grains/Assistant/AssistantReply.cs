namespace Conversations.Grains.Assistant;

/// <summary>The assistant's answer to a turn.</summary>
/// <param name="Messages">What it says, in order.</param>
/// <param name="Handoff">True when the conversation goes to a human (customer asked, or a transfer step).</param>
/// <param name="Fallback">True when it did not understand; enough in a row hands over.</param>
/// <param name="HandoffAgentId">A named agent a transfer step targets, if any.</param>
/// <param name="Variables">Variables captured in this turn.</param>
/// <param name="AssistantState">The assistant's own state to hand back next turn (null keeps the stored one);
/// kept apart from the variables so agents never see it as one.</param>
/// <param name="HandoffTeamId">The team a handoff goes to, if any.</param>
/// <param name="Notes">Automatic notes for agents, never shown to the customer.</param>
/// <param name="Tags">Tags to put on the conversation.</param>
/// <param name="Priority">A routing priority onboarding rules set (higher first), if any.</param>
/// <param name="Team">A team onboarding rules chose: later handoffs go to it.</param>
public sealed record AssistantReply(
    IReadOnlyList<AssistantOutput> Messages,
    bool Handoff = false,
    bool Fallback = false,
    string? HandoffAgentId = null,
    IReadOnlyDictionary<string, string>? Variables = null,
    string? AssistantState = null,
    string? HandoffTeamId = null,
    IReadOnlyList<string>? Notes = null,
    IReadOnlyList<string>? Tags = null,
    int? Priority = null,
    string? Team = null);
