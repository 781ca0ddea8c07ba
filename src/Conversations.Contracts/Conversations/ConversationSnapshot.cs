namespace Conversations.Contracts;

/// <summary>What the widget gets on start: the state and the latest messages the customer may see.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ConversationSnapshot")]
public sealed record ConversationSnapshot(string ConversationId, ConversationState State, IReadOnlyList<Message> Messages);
