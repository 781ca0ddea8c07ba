using System.Text.RegularExpressions;

using Conversations.Bots.Definition;
using Conversations.Bots.Nlu;

namespace Conversations.Bots.Runtime;

/// <summary>Evaluates a <see cref="VariableCondition"/>; text comparisons ignore case and accents.</summary>
public static class ConditionEvaluator
{
    public static bool Holds(VariableCondition condition, Func<string, string?> lookup)
    {
        var value = condition.Variable is null ? null : lookup(condition.Variable);
        if (condition.Exists is { } exists && exists != !string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (condition.EqualTo is { } expected && (value is null || TextNormalizer.Fold(value.Trim()) != TextNormalizer.Fold(expected.Trim())))
        {
            return false;
        }

        if (condition.Contains is { } part && (value is null || !TextNormalizer.Fold(value).Contains(TextNormalizer.Fold(part), StringComparison.Ordinal)))
        {
            return false;
        }

        if (condition.Matches is { } pattern
            && (value is null || !Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50))))
        {
            return false;
        }

        return true;
    }
}
