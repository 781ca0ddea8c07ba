namespace Conversations.Grains.Assistant;

/// <summary>What the assistant reacts to: the start of a conversation, a customer text or a chosen option.</summary>
/// <param name="WorkspaceId">The tenant.</param>
/// <param name="AssistantId">The published assistant of the site or channel.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Locale">The customer's language, when known.</param>
/// <param name="IsStart">True for the welcome turn.</param>
/// <param name="IsResume">True when the conversation came back to the assistant from a human: it resumes at the
/// step its definition chose.</param>
/// <param name="Text">What the customer wrote.</param>
/// <param name="ChoiceId">The option the customer picked.</param>
/// <param name="Variables">Variables captured so far.</param>
/// <param name="AssistantState">What the assistant returned last turn (its flow position), opaque to the grain.</param>
public sealed record AssistantTurn(
    string WorkspaceId,
    string AssistantId,
    string ConversationId,
    string? Locale,
    bool IsStart,
    string? Text,
    string? ChoiceId,
    IReadOnlyDictionary<string, string> Variables,
    string? AssistantState = null,
    bool IsResume = false);
