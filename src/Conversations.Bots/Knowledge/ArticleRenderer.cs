using Ganss.Xss;

using Markdig;

namespace Conversations.Bots.Knowledge;

/// <summary>Markdown to safe HTML: Markdig renders (tables, lists, emphasis; raw HTML disabled), then
/// HtmlSanitizer removes anything that could run script, so an article is safe to insert into the console
/// and the widget even when a botmaster pasted something hostile.</summary>
public static class ArticleRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The body as plain text, cut at <paramref name="length"/> characters on a word boundary.</summary>
    public static string Excerpt(string markdown, int length = 280)
    {
        var text = Markdown.ToPlainText(markdown, Pipeline).ReplaceLineEndings(" ").Trim();
        while (text.Contains("  ", StringComparison.Ordinal))
        {
            text = text.Replace("  ", " ", StringComparison.Ordinal);
        }

        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : length), "…");
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        return sanitizer;
    }
}
