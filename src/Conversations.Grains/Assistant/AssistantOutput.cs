using Conversations.Contracts;

namespace Conversations.Grains.Assistant;

/// <summary>One message the assistant says; with options it is a choice message.</summary>
public sealed record AssistantOutput(string Text, IReadOnlyList<ChoiceOption>? Options = null);
