using System.Collections.Concurrent;

namespace Conversations.Bots.Nlu;

/// <summary>A ranking over labelled phrases of one language (an intent's training phrases, an article's
/// title and keywords), built once and then read by any number of threads. Three signals, blended:
/// how much of the question the label's vocabulary covers (IDF-weighted, misspellings resolved by
/// <see cref="FuzzyVocabulary"/>), the best phrase's two-way overlap, and a character-trigram cosine with
/// the best phrase. Words the index has never seen weigh against the match, which is what makes
/// out-of-scope questions fall below the threshold instead of landing on the nearest intent.</summary>
public sealed class PhraseIndex
{
    /// <summary>Misspellings seen are remembered, up to this many, so a busy day costs no more than a quiet one.</summary>
    private const int CacheLimit = 50_000;

    private readonly LanguageAnalyzer _analyzer;
    private readonly MatcherOptions _options;
    private readonly string[] _labels;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly FuzzyVocabulary _vocabulary;
    private readonly float[] _idf;
    private readonly float _unknownIdf;
    private readonly List<HashSet<int>> _labelTerms = [];
    private readonly List<List<int>> _termLabels = [];
    private readonly List<List<int>> _termPhrases = [];
    private readonly float[] _phraseWeights;
    private readonly ConcurrentDictionary<string, (int Id, float Similarity)> _resolved = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int[] Known, int Unknown)> _termGrams = new(StringComparer.Ordinal);
    private readonly List<Phrase> _phrases = [];
    private readonly Dictionary<string, int> _gramIds = new(StringComparer.Ordinal);
    private readonly List<List<(int Phrase, float Weight)>> _gramPostings = [];
    private readonly float[] _gramIdf;
    private readonly float _unknownGramIdf;

    public PhraseIndex(LanguageAnalyzer analyzer, IEnumerable<(string Label, string Text)> entries, MatcherOptions? options = null)
    {
        _analyzer = analyzer;
        _options = options ?? MatcherOptions.Default;
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var analyzed = new List<(int Label, int[] Terms)>();
        foreach (var (label, text) in entries)
        {
            var terms = analyzer.Analyze(text);
            if (terms.Count == 0)
            {
                continue;
            }

            if (!labelIds.TryGetValue(label, out var labelId))
            {
                labelIds[label] = labelId = labelIds.Count;
                _labelTerms.Add([]);
            }

            var ids = terms.Select(TermId).Distinct().ToArray();
            _labelTerms[labelId].UnionWith(ids);
            analyzed.Add((labelId, ids));
            _phrases.Add(new Phrase(labelId, ids, terms));
        }

        _labels = new string[labelIds.Count];
        foreach (var (label, id) in labelIds)
        {
            _labels[id] = label;
        }

        var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (variant, canonical) in analyzer.SynonymStems())
        {
            if (_termIds.TryGetValue(canonical, out var canonicalId) && !_termIds.ContainsKey(variant))
            {
                aliases[variant] = canonicalId;
            }
        }

        _vocabulary = new FuzzyVocabulary(_termIds, aliases);
        var labelCount = Math.Max(1, _labels.Length);
        var df = new int[_termIds.Count];
        foreach (var terms in _labelTerms)
        {
            foreach (var term in terms)
            {
                df[term]++;
            }
        }

        _idf = df.Select(n => Idf(labelCount, n)).ToArray();
        for (var term = 0; term < _termIds.Count; term++)
        {
            _termLabels.Add([]);
            _termPhrases.Add([]);
        }

        for (var label = 0; label < _labelTerms.Count; label++)
        {
            foreach (var term in _labelTerms[label])
            {
                _termLabels[term].Add(label);
            }
        }

        _phraseWeights = new float[_phrases.Count];
        for (var p = 0; p < _phrases.Count; p++)
        {
            foreach (var term in _phrases[p].Terms)
            {
                _termPhrases[term].Add(p);
                _phraseWeights[p] += _idf[term];
            }
        }

        _unknownIdf = Idf(labelCount, 0) * _options.UnknownWordWeight;
        _gramIdf = BuildGrams();
        _unknownGramIdf = _gramIdf.Length == 0 ? 1f : _gramIdf.Max();
    }

    /// <summary>The labels this index ranks.</summary>
    public IReadOnlyList<string> Labels => _labels;

    public LanguageAnalyzer Analyzer => _analyzer;

    /// <summary>Every label with a score above zero, best first.</summary>
    public List<RankedLabel> Search(string? text) => Search(TextNormalizer.Tokenize(text));

    /// <summary>Every label with a score above zero, best first, from normalized words.</summary>
    public List<RankedLabel> Search(IReadOnlyList<string> tokens)
    {
        var terms = _analyzer.AnalyzeTokens(tokens);
        var results = new List<RankedLabel>();
        if (terms.Count == 0 || _labels.Length == 0)
        {
            return results;
        }

        var query = ResolveQuery(terms);
        var totalWeight = 0f;
        var unknown = 0;
        foreach (var q in query)
        {
            if (q.Term >= 0)
            {
                totalWeight += q.Weight;
            }
            else
            {
                unknown++;
            }
        }

        totalWeight += _unknownIdf * MathF.Pow(unknown, _options.UnknownDamping);

        var coverage = new float[_labels.Length];
        var matched = new float[_phrases.Count];
        foreach (var q in query)
        {
            if (q.Term < 0)
            {
                continue;
            }

            var credit = q.Weight * q.Similarity;
            foreach (var label in _termLabels[q.Term])
            {
                coverage[label] += credit;
            }

            foreach (var phrase in _termPhrases[q.Term])
            {
                matched[phrase] += credit;
            }
        }

        var phraseBest = new float[_labels.Length];
        for (var p = 0; p < matched.Length; p++)
        {
            if (matched[p] <= 0)
            {
                continue;
            }

            var dice = 2 * matched[p] / (totalWeight + _phraseWeights[p]);
            var label = _phrases[p].Label;
            if (dice > phraseBest[label])
            {
                phraseBest[label] = dice;
            }
        }

        var characterBest = CharacterCosines(terms);
        for (var label = 0; label < _labels.Length; label++)
        {
            var evidence = 1f - MathF.Exp(-coverage[label] / _options.EvidenceScale);
            var score = (_options.CoverageWeight * coverage[label] / totalWeight)
                + (_options.EvidenceWeight * evidence)
                + (_options.PhraseWeight * phraseBest[label])
                + (_options.CharacterWeight * characterBest[label]);
            if (score > 0)
            {
                results.Add(new RankedLabel(_labels[label], Math.Min(1f, score)));
            }
        }

        results.Sort((a, b) => b.Score.CompareTo(a.Score));
        return results;
    }

    private static float Idf(int documents, int frequency) =>
        MathF.Log(1f + ((documents - frequency + 0.5f) / (frequency + 0.5f)));

    private int TermId(string term)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            _termIds[term] = id = _termIds.Count;
        }

        return id;
    }

    private List<QueryTerm> ResolveQuery(List<string> terms)
    {
        var query = new List<QueryTerm>(terms.Count);
        foreach (var term in terms)
        {
            var (id, similarity) = Resolve(term);
            if (id >= 0 && query.Exists(q => q.Term == id))
            {
                continue;
            }

            query.Add(id >= 0
                ? new QueryTerm(id, similarity, _idf[id])
                : new QueryTerm(-1, 0f, _unknownIdf));
        }

        return query;
    }

    private (int Id, float Similarity) Resolve(string term)
    {
        if (_resolved.TryGetValue(term, out var resolved))
        {
            return resolved;
        }

        resolved = _vocabulary.Resolve(term);
        if (_resolved.Count < CacheLimit)
        {
            _resolved.TryAdd(term, resolved);
        }

        return resolved;
    }

    private (int[] Known, int Unknown) GramsOf(string term)
    {
        if (_termGrams.TryGetValue(term, out var grams))
        {
            return grams;
        }

        var known = new List<int>();
        var unknown = 0;
        foreach (var gram in FuzzyVocabulary.Trigrams(term))
        {
            if (_gramIds.TryGetValue(gram, out var id))
            {
                known.Add(id);
            }
            else
            {
                unknown++;
            }
        }

        grams = (known.ToArray(), unknown);
        if (_termGrams.Count < CacheLimit)
        {
            _termGrams.TryAdd(term, grams);
        }

        return grams;
    }

    private float[] BuildGrams()
    {
        var phraseGrams = new List<Dictionary<int, int>>(_phrases.Count);
        var df = new List<int>();
        foreach (var phrase in _phrases)
        {
            var counts = new Dictionary<int, int>();
            foreach (var term in phrase.Words)
            {
                foreach (var gram in FuzzyVocabulary.Trigrams(term))
                {
                    if (!_gramIds.TryGetValue(gram, out var id))
                    {
                        _gramIds[gram] = id = _gramIds.Count;
                        df.Add(0);
                        _gramPostings.Add([]);
                    }

                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }

            foreach (var id in counts.Keys)
            {
                df[id]++;
            }

            phraseGrams.Add(counts);
        }

        var idf = df.Select(n => MathF.Log(1f + (_phrases.Count / (float)n))).ToArray();
        for (var p = 0; p < phraseGrams.Count; p++)
        {
            var norm = MathF.Sqrt(phraseGrams[p].Sum(g => MathF.Pow(g.Value * idf[g.Key], 2)));
            foreach (var (gram, count) in phraseGrams[p])
            {
                _gramPostings[gram].Add((p, count * idf[gram] / norm));
            }
        }

        return idf;
    }

    private float[] CharacterCosines(List<string> terms)
    {
        var best = new float[_labels.Length];
        var counts = new Dictionary<int, int>();
        var unknown = 0;
        foreach (var term in terms)
        {
            var (known, unknownGrams) = GramsOf(term);
            unknown += unknownGrams;
            foreach (var id in known)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        var dots = new float[_phrases.Count];
        var norm = unknown * _unknownGramIdf * _unknownGramIdf;
        foreach (var (id, count) in counts)
        {
            var weight = count * _gramIdf[id];
            norm += weight * weight;
            foreach (var (phrase, phraseWeight) in _gramPostings[id])
            {
                dots[phrase] += weight * phraseWeight;
            }
        }

        if (norm <= 0)
        {
            return best;
        }

        norm = MathF.Sqrt(norm);
        for (var p = 0; p < _phrases.Count; p++)
        {
            var cosine = dots[p] / norm;
            if (cosine > best[_phrases[p].Label])
            {
                best[_phrases[p].Label] = cosine;
            }
        }

        return best;
    }

    private readonly record struct QueryTerm(int Term, float Similarity, float Weight);

    private sealed record Phrase(int Label, int[] Terms, List<string> Words);
}
