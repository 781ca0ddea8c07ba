namespace Conversations.Server.Snippets;

/// <summary>The body of <c>POST /api/snippets</c> and <c>PUT /api/snippets/{id}</c>.</summary>
public sealed record SnippetRequest(string? Shortcut, string? Title, string? Text);
