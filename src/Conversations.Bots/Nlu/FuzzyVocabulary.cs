namespace Conversations.Bots.Nlu;

/// <summary>The stems an index knows, found again from a misspelt or differently inflected stem: candidates
/// share character trigrams with it, then an edit distance (adjacent swaps count once) or a common prefix
/// decides how similar they are.</summary>
internal sealed class FuzzyVocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly string[] _terms;
    private readonly int[] _targets;
    private readonly Dictionary<string, List<int>> _byTrigram = new(StringComparer.Ordinal);

    /// <param name="ids">Known terms and their ids.</param>
    /// <param name="aliases">More spellings of known terms (the stems of the botmaster's synonyms), so that a
    /// misspelt synonym is found too.</param>
    public FuzzyVocabulary(Dictionary<string, int> ids, Dictionary<string, int> aliases)
    {
        _ids = ids;
        var all = ids.Concat(aliases).ToList();
        _terms = new string[all.Count];
        _targets = new int[all.Count];
        for (var entry = 0; entry < all.Count; entry++)
        {
            var (term, id) = all[entry];
            _terms[entry] = term;
            _targets[entry] = id;
            foreach (var gram in Trigrams(term))
            {
                if (!_byTrigram.TryGetValue(gram, out var list))
                {
                    _byTrigram[gram] = list = [];
                }

                if (list.Count == 0 || list[^1] != entry)
                {
                    list.Add(entry);
                }
            }
        }
    }

    /// <summary>The known term closest to <paramref name="term"/> and how alike they are (1 = the same).</summary>
    public (int Id, float Similarity) Resolve(string term)
    {
        if (_ids.TryGetValue(term, out var exact))
        {
            return (exact, 1f);
        }

        if (term.Length < 4 || char.IsDigit(term[0]))
        {
            return (-1, 0f);
        }

        var shared = new Dictionary<int, int>();
        foreach (var gram in Trigrams(term))
        {
            if (_byTrigram.TryGetValue(gram, out var ids))
            {
                foreach (var id in ids)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                }
            }
        }

        var best = (Id: -1, Similarity: 0f);
        foreach (var (id, count) in shared)
        {
            if (count < 2)
            {
                continue;
            }

            var similarity = Similarity(term, _terms[id]);
            if (similarity > best.Similarity)
            {
                best = (_targets[id], similarity);
            }
        }

        return best;
    }

    internal static float Similarity(string a, string b)
    {
        if (a == b)
        {
            return 1f;
        }

        var shorter = Math.Min(a.Length, b.Length);
        if (shorter >= 5 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)))
        {
            return 0.85f;
        }

        var distance = Distance(a, b);
        var allowed = shorter >= 8 ? 2 : 1;
        if (distance > allowed)
        {
            return 0f;
        }

        // A missing or extra letter is the commonest chat typo: it wins a tie against a substitution.
        var bonus = a.Length != b.Length ? 0.01f : 0f;
        return (distance == 1 ? 0.84f : 0.7f) + bonus;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return 3;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    internal static IEnumerable<string> Trigrams(string term)
    {
        var padded = $"#{term}#";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }
}
