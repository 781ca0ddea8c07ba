namespace Conversations.Contracts;

/// <summary>One option of a choice message.</summary>
public sealed record ChoiceOption(string Id, string Label);
