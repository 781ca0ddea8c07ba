namespace Conversations.Bots.Knowledge;

/// <summary>A published article ready to show: its Markdown body rendered to sanitized HTML, and a plain-text
/// excerpt for channels that cannot show HTML.</summary>
public sealed record RenderedArticle(string Id, string Language, string Title, string Html, string Excerpt, IReadOnlyList<string> Keywords);
