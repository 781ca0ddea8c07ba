namespace Conversations.Contracts;

/// <summary>A canned reply agents insert by its shortcut.</summary>
/// <param name="Id">Snippet id.</param>
/// <param name="Shortcut">What the agent types after "/", unique in the workspace.</param>
/// <param name="Title">A label for pickers.</param>
/// <param name="Text">The reply's text.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.Snippet")]
public sealed record Snippet(string Id, string Shortcut, string Title, string Text);
