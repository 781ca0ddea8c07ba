using System.Globalization;
using System.Text;

namespace Conversations.Bots.Nlu;

/// <summary>Turns what a customer typed into lower-case words without accents or punctuation, elisions
/// removed (l', j', qu', d'…) so that "l'adresse" and "adresse" are the same word. Accents go because
/// customers often type without them: training phrases and questions are folded the same way.</summary>
public static class TextNormalizer
{
    private static readonly HashSet<string> FrenchElisions =
        ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"];

    private static readonly HashSet<string> EnglishContractions = ["s", "re", "m", "ve", "ll", "d", "t"];

    /// <summary>Folds case and accents, keeps letters and digits, and splits into words.</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        var folded = Fold(text);
        var word = new StringBuilder();
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (c == '\'' && word.Length > 0 && i + 1 < folded.Length && char.IsLetter(folded[i + 1]))
            {
                var left = word.ToString();
                if (FrenchElisions.Contains(left))
                {
                    word.Clear();
                    continue;
                }

                var end = i + 1;
                while (end < folded.Length && char.IsLetter(folded[end]))
                {
                    end++;
                }

                if (EnglishContractions.Contains(folded[(i + 1)..end]))
                {
                    tokens.Add(left);
                    word.Clear();
                    i = end - 1;
                    continue;
                }
            }

            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        return tokens;
    }

    /// <summary>Lower case, no diacritics, typographic apostrophes made plain, ligatures spelled out.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case '\u2019' or '\u2018' or '`' or '\u00b4':
                    builder.Append('\'');
                    break;
                case '\u0153':
                    builder.Append("oe");
                    break;
                case '\u00e6':
                    builder.Append("ae");
                    break;
                case '\u00df':
                    builder.Append("ss");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
