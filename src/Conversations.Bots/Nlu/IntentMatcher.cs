namespace Conversations.Bots.Nlu;

/// <summary>Intent matching over every language of an assistant. Built once per published version (the
/// indexes are immutable afterwards and shared by all conversations); each message is read in the
/// language that explains it best: Snowball stop words say which language the message is written in,
/// and the best score in each language's index breaks the tie.</summary>
public sealed class IntentMatcher
{
    private readonly Dictionary<string, PhraseIndex> _indexes = new(StringComparer.Ordinal);

    public IntentMatcher(
        IEnumerable<IntentExamples> examples,
        IReadOnlyDictionary<string, SynonymMap>? synonyms = null,
        MatcherOptions? options = null)
    {
        Options = options ?? MatcherOptions.Default;
        foreach (var group in examples.GroupBy(e => LanguageAnalyzer.NormalizeLanguage(e.Language)))
        {
            var analyzer = new LanguageAnalyzer(group.Key, synonyms?.GetValueOrDefault(group.Key));
            var entries = group.SelectMany(e => e.Phrases.Select(p => (e.IntentId, p)));
            _indexes[group.Key] = new PhraseIndex(analyzer, entries, Options);
        }
    }

    public MatcherOptions Options { get; }

    public IReadOnlyCollection<string> Languages => _indexes.Keys;

    /// <summary>Matches one message.</summary>
    /// <param name="text">What the customer wrote.</param>
    /// <param name="preferredLanguage">The conversation's language so far; it wins ties.</param>
    public IntentMatch Match(string? text, string? preferredLanguage = null)
    {
        var preferred = preferredLanguage is null ? null : LanguageAnalyzer.NormalizeLanguage(preferredLanguage);
        var tokens = TextNormalizer.Tokenize(text);
        var best = (Language: preferred ?? _indexes.Keys.FirstOrDefault() ?? "en", Score: float.MinValue, Results: new List<RankedLabel>());
        foreach (var (language, index) in _indexes)
        {
            var results = index.Search(tokens);
            var top = results.Count > 0 ? results[0].Score : 0f;
            var evidence = top + (0.04f * index.Analyzer.CountStopWords(tokens)) + (language == preferred ? 0.02f : 0f);
            if (evidence > best.Score)
            {
                best = (language, evidence, results);
            }
        }

        var candidates = best.Results.Take(3).ToList();
        var confidence = candidates.Count > 0 ? candidates[0].Score : 0f;
        var second = candidates.Count > 1 ? candidates[1].Score : 0f;
        var accepted = confidence >= Options.Threshold
            || (confidence >= Options.MarginThreshold && confidence - second >= Options.Margin);
        var intent = accepted ? candidates[0].Label : null;
        return new IntentMatch(intent, confidence, best.Language, candidates);
    }
}
