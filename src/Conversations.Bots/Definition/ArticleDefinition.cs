namespace Conversations.Bots.Definition;

/// <summary>A knowledge-base article in one language. Articles sharing an id are translations of each other.</summary>
public sealed class ArticleDefinition
{
    public string Id { get; set; } = string.Empty;

    public string Language { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>Markdown; rendered to sanitized HTML.</summary>
    public string Body { get; set; } = string.Empty;

    public List<string> Keywords { get; set; } = [];

    public bool Published { get; set; } = true;
}
