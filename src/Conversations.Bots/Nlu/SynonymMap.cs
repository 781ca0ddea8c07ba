namespace Conversations.Bots.Nlu;

/// <summary>The botmaster's synonyms of one language: every variant (one word or several) is rewritten to its
/// canonical word before stemming, so "colis" can mean "commande" for this assistant only.</summary>
public sealed class SynonymMap
{
    private readonly Dictionary<string, List<(string[] Variant, string[] Canonical)>> _byFirstWord = new(StringComparer.Ordinal);

    public static SynonymMap Empty { get; } = new(new Dictionary<string, List<string>>());

    /// <param name="synonyms">Canonical word or phrase → its variants, as the botmaster wrote them.</param>
    public SynonymMap(IReadOnlyDictionary<string, List<string>> synonyms)
    {
        foreach (var (canonical, variants) in synonyms)
        {
            var canonicalTokens = TextNormalizer.Tokenize(canonical).ToArray();
            if (canonicalTokens.Length == 0)
            {
                continue;
            }

            foreach (var variant in variants)
            {
                var tokens = TextNormalizer.Tokenize(variant).ToArray();
                if (tokens.Length == 0 || tokens.SequenceEqual(canonicalTokens))
                {
                    continue;
                }

                if (!_byFirstWord.TryGetValue(tokens[0], out var list))
                {
                    _byFirstWord[tokens[0]] = list = [];
                }

                list.Add((tokens, canonicalTokens));
                list.Sort((a, b) => b.Variant.Length.CompareTo(a.Variant.Length));
            }
        }
    }

    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>Every one-word variant with its one-word canonical form.</summary>
    public IEnumerable<(string Variant, string Canonical)> SingleWords() =>
        _byFirstWord.Values.SelectMany(l => l)
            .Where(p => p.Variant.Length == 1 && p.Canonical.Length == 1)
            .Select(p => (p.Variant[0], p.Canonical[0]));

    /// <summary>The words with every variant replaced, longest variant first.</summary>
    public List<string> Apply(List<string> tokens)
    {
        if (IsEmpty)
        {
            return tokens;
        }

        var result = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var replaced = false;
            if (_byFirstWord.TryGetValue(tokens[i], out var candidates))
            {
                foreach (var (variant, canonical) in candidates)
                {
                    if (Matches(tokens, i, variant))
                    {
                        result.AddRange(canonical);
                        i += variant.Length - 1;
                        replaced = true;
                        break;
                    }
                }
            }

            if (!replaced)
            {
                result.Add(tokens[i]);
            }
        }

        return result;
    }

    private static bool Matches(List<string> tokens, int start, string[] variant)
    {
        if (start + variant.Length > tokens.Count)
        {
            return false;
        }

        for (var j = 0; j < variant.Length; j++)
        {
            if (!string.Equals(tokens[start + j], variant[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
