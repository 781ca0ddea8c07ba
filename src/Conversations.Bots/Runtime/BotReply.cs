using Conversations.Bots.Nlu;

namespace Conversations.Bots.Runtime;

/// <summary>The outcome of one turn: the new state and everything the conversation must do about it.</summary>
/// <param name="State">To keep until the next turn.</param>
/// <param name="Messages">What the assistant says, in order.</param>
/// <param name="VariablesSet">Variables captured in this turn.</param>
/// <param name="Tags">Tags to add to the conversation.</param>
/// <param name="Notes">Notes for agents (never shown to the customer).</param>
/// <param name="Transfer">A handover to a human, if any.</param>
/// <param name="Team">A team onboarding rules assigned.</param>
/// <param name="Priority">A priority onboarding rules set.</param>
/// <param name="Match">How the customer's text was matched, for previews and analytics.</param>
/// <param name="Understood">False when the assistant did not understand the customer.</param>
public sealed record BotReply(
    BotState State,
    IReadOnlyList<BotMessage> Messages,
    IReadOnlyDictionary<string, string> VariablesSet,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Notes,
    TransferRequest? Transfer,
    string? Team,
    string? Priority,
    IntentMatch? Match,
    bool Understood);
