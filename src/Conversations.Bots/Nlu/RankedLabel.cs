namespace Conversations.Bots.Nlu;

/// <summary>An intent (or article) and how well a text matches it, between 0 and 1.</summary>
public readonly record struct RankedLabel(string Label, float Score);
