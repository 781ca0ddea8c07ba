namespace Conversations.Bots.Nlu;

/// <summary>The training phrases of one intent in one language.</summary>
public sealed record IntentExamples(string IntentId, string Language, IReadOnlyList<string> Phrases);
