namespace Conversations.Contracts;

/// <summary>One option of a choice message.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ChoiceOption")]
public sealed record ChoiceOption(string Id, string Label);
