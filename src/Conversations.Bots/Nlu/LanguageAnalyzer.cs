using System.Collections.Concurrent;
using System.Text;

using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Conversations.Bots.Nlu;

/// <summary>One language's text analysis: chat abbreviations expanded, the botmaster's synonyms mapped to their
/// canonical word, stop words dropped (Snowball's lists from Lucene, plus conversational filler) and the rest
/// stemmed with Lucene's Snowball stemmer. Stems are cached: the same few thousand words come back all day.</summary>
public sealed class LanguageAnalyzer
{
    private static readonly ConcurrentDictionary<string, LanguageResources> Resources = new();

    private readonly LanguageResources _resources;
    private readonly SynonymMap _synonyms;

    public LanguageAnalyzer(string language, SynonymMap? synonyms = null)
    {
        Language = NormalizeLanguage(language);
        _resources = Resources.GetOrAdd(Language, static code => new LanguageResources(code));
        _synonyms = synonyms ?? SynonymMap.Empty;
    }

    /// <summary>The two-letter code this analyzer works in.</summary>
    public string Language { get; }

    /// <summary>Whether a Snowball stemmer exists for this language (others still match, unstemmed).</summary>
    public static bool IsSupported(string language) => LanguageResources.SnowballName(NormalizeLanguage(language)) is not null;

    public static string NormalizeLanguage(string language)
    {
        var code = language.Trim().ToLowerInvariant();
        var dash = code.IndexOfAny(['-', '_']);
        return dash > 0 ? code[..dash] : code;
    }

    /// <summary>The meaningful stems of a text, in order.</summary>
    public List<string> Analyze(string? text) => AnalyzeTokens(TextNormalizer.Tokenize(text));

    /// <summary>The meaningful stems of already normalized words.</summary>
    public List<string> AnalyzeTokens(IReadOnlyList<string> tokens)
    {
        var expanded = _synonyms.Apply(ExpandAbbreviations(tokens));
        var terms = new List<string>(expanded.Count);
        foreach (var token in expanded)
        {
            if (token.Length < 2 && !char.IsDigit(token[0]))
            {
                continue;
            }

            if (_resources.StopWords.Contains(token))
            {
                continue;
            }

            var stem = _resources.Stem(token);
            if (!_resources.StopStems.Contains(stem))
            {
                terms.Add(stem);
            }
        }

        return terms;
    }

    /// <summary>How many of these words are stop words of this language: the cheap half of language detection.</summary>
    public int CountStopWords(IReadOnlyList<string> tokens)
    {
        var count = 0;
        foreach (var token in tokens)
        {
            if (_resources.MarkerWords.Contains(token))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The stems of one-word synonyms and of their canonical word.</summary>
    public IEnumerable<(string Variant, string Canonical)> SynonymStems() =>
        _synonyms.SingleWords().Select(p => (_resources.Stem(p.Variant), _resources.Stem(p.Canonical)));

    /// <summary>Stems one normalized word (used to fold synonyms and choice labels the same way).</summary>
    public string Stem(string token) => _resources.Stem(token);

    private List<string> ExpandAbbreviations(IReadOnlyList<string> tokens)
    {
        var result = new List<string>(tokens.Count + 2);
        foreach (var token in tokens)
        {
            if (_resources.Abbreviations.TryGetValue(token, out var expansion))
            {
                result.AddRange(expansion);
            }
            else
            {
                result.Add(token);
            }
        }

        return result;
    }

    private sealed class LanguageResources
    {
        private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
        private readonly SnowballProgram? _stemmer;
        private readonly Lock _stemmerLock = new();
        private readonly bool _foldedFeminine;

        public LanguageResources(string language)
        {
            var snowball = SnowballName(language);
            _foldedFeminine = language == "fr";
            _stemmer = snowball switch
            {
                "french" => new FrenchStemmer(),
                "english" => new EnglishStemmer(),
                "spanish" => new SpanishStemmer(),
                "german" => new German2Stemmer(),
                "italian" => new ItalianStemmer(),
                "portuguese" => new PortugueseStemmer(),
                "dutch" => new DutchStemmer(),
                _ => null,
            };
            var stop = new HashSet<string>(StringComparer.Ordinal);
            if (snowball is not null)
            {
                foreach (var word in LoadSnowballStopWords(snowball))
                {
                    stop.Add(TextNormalizer.Fold(word));
                }
            }

            MarkerWords = [.. stop];
            foreach (var word in ConversationalFiller.For(language))
            {
                stop.Add(word);
            }

            StopWords = stop;
            StopStems = [.. ConversationalFiller.For(language).Select(Stem)];
            Abbreviations = ConversationalFiller.Abbreviations(language);
        }

        public HashSet<string> StopWords { get; }

        /// <summary>Filler words stemmed, so "gets" is dropped as "get" is.</summary>
        public HashSet<string> StopStems { get; }

        /// <summary>The Snowball stop words alone: they say which language a message is in.</summary>
        public HashSet<string> MarkerWords { get; }

        public Dictionary<string, string[]> Abbreviations { get; }

        public static string? SnowballName(string language) => language switch
        {
            "fr" => "french",
            "en" => "english",
            "es" => "spanish",
            "de" => "german",
            "it" => "italian",
            "pt" => "portuguese",
            "nl" => "dutch",
            _ => null,
        };

        public string Stem(string token)
        {
            if (_stemmer is null || token.Length < 3 || char.IsDigit(token[0]))
            {
                return token;
            }

            if (_stems.TryGetValue(token, out var stem))
            {
                return stem;
            }

            // Folded French participles ("livree", "remboursees") lost the accent Snowball needs to see "-ée".
            var word = _foldedFeminine && token.Length > 5 && (token.EndsWith("ee", StringComparison.Ordinal) || token.EndsWith("ees", StringComparison.Ordinal))
                ? token.Remove(token.LastIndexOf("ee", StringComparison.Ordinal), 1)
                : token;
            lock (_stemmerLock)
            {
                _stemmer.SetCurrent(word);
                _stemmer.Stem();
                stem = TextNormalizer.Fold(_stemmer.Current);
            }

            _stems.TryAdd(token, stem);
            return stem;
        }

        private static CharArraySet LoadSnowballStopWords(string snowball)
        {
            using var reader = IOUtils.GetDecodingReader(typeof(SnowballFilter), $"{snowball}_stop.txt", Encoding.UTF8);
            return WordlistLoader.GetSnowballWordSet(reader, LuceneVersion.LUCENE_48);
        }
    }
}
