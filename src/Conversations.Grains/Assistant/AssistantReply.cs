namespace Conversations.Grains.Assistant;

/// <summary>The assistant's answer to a turn.</summary>
/// <param name="Messages">What it says, in order.</param>
/// <param name="Handoff">True when the conversation goes to a human (customer asked, or a transfer step).</param>
/// <param name="Fallback">True when it did not understand; enough in a row hands over.</param>
/// <param name="HandoffAgentId">A named agent a transfer step targets, if any.</param>
/// <param name="Variables">Variables captured in this turn.</param>
public sealed record AssistantReply(
    IReadOnlyList<AssistantOutput> Messages,
    bool Handoff = false,
    bool Fallback = false,
    string? HandoffAgentId = null,
    IReadOnlyDictionary<string, string>? Variables = null);
