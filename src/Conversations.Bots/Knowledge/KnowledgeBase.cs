using Conversations.Bots.Definition;
using Conversations.Bots.Nlu;

namespace Conversations.Bots.Knowledge;

/// <summary>The published articles of an assistant, rendered once, and searched with the same ranking as
/// intents (title and keywords weigh as phrases, the body's sentences as well).</summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<(string Id, string Language), RenderedArticle> _articles = [];
    private readonly Dictionary<string, PhraseIndex> _indexes = new(StringComparer.Ordinal);

    public KnowledgeBase(IEnumerable<ArticleDefinition> articles, IReadOnlyDictionary<string, SynonymMap>? synonyms = null)
    {
        foreach (var group in articles.Where(a => a.Published).GroupBy(a => LanguageAnalyzer.NormalizeLanguage(a.Language)))
        {
            var entries = new List<(string Label, string Text)>();
            foreach (var article in group)
            {
                _articles[(article.Id, group.Key)] = new RenderedArticle(
                    article.Id, group.Key, article.Title, ArticleRenderer.ToHtml(article.Body), ArticleRenderer.Excerpt(article.Body), article.Keywords);
                entries.Add((article.Id, article.Title));
                entries.AddRange(article.Keywords.Select(k => (article.Id, k)));
                entries.AddRange(ArticleRenderer.Excerpt(article.Body, int.MaxValue)
                    .Split(['.', '!', '?', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(sentence => (article.Id, sentence)));
            }

            var analyzer = new LanguageAnalyzer(group.Key, synonyms?.GetValueOrDefault(group.Key));
            _indexes[group.Key] = new PhraseIndex(analyzer, entries);
        }
    }

    public int Count => _articles.Count;

    /// <summary>The article in <paramref name="language"/>, else in any language.</summary>
    public RenderedArticle? Find(string id, string language)
    {
        if (_articles.TryGetValue((id, LanguageAnalyzer.NormalizeLanguage(language)), out var article))
        {
            return article;
        }

        return _articles.Values.FirstOrDefault(a => a.Id == id);
    }

    /// <summary>The best articles for a query, in one language or all, best first.</summary>
    public List<(RenderedArticle Article, float Score)> Search(string query, string? language = null, int limit = 5, float minimumScore = 0.2f)
    {
        var results = new List<(RenderedArticle Article, float Score)>();
        foreach (var (code, index) in _indexes)
        {
            if (language is not null && code != LanguageAnalyzer.NormalizeLanguage(language))
            {
                continue;
            }

            results.AddRange(index.Search(query)
                .Where(r => r.Score >= minimumScore)
                .Select(r => (_articles[(r.Label, code)], r.Score)));
        }

        return results.OrderByDescending(r => r.Score).Take(limit).ToList();
    }
}
