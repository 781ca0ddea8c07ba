using System.Text;
using System.Text.RegularExpressions;

namespace Conversations.Grains.Contact;

/// <summary>A visitor's display name from the site's template: <c>{{NAME}}</c> takes the contact's
/// variable of that name (case-insensitive, as the assistant and the page capture them in any case),
/// <c>{n}</c> a short number stable per contact. A template whose variables are all unknown gives the
/// anonymous "Visitor 4821", so a list never shows a blank or a bare "()" for a customer.</summary>
public static partial class Pseudonym
{
    /// <summary>The name used when the template yields nothing.</summary>
    public const string AnonymousTemplate = "Visitor {n}";

    public static string Render(string template, IReadOnlyDictionary<string, string> variables, string number)
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in variables)
        {
            lookup[key] = value;
        }

        var referenced = 0;
        var found = 0;
        var text = VariablePattern().Replace(template, match =>
        {
            referenced++;
            if (lookup.TryGetValue(match.Groups[1].Value, out var value) && value.Trim() is { Length: > 0 } trimmed)
            {
                found++;
                return trimmed;
            }

            return string.Empty;
        });
        if (referenced > 0 && found == 0)
        {
            text = AnonymousTemplate;
        }

        var name = Tidy(text.Replace("{n}", number, StringComparison.Ordinal));
        return name.Length == 0 ? AnonymousTemplate.Replace("{n}", number, StringComparison.Ordinal) : name;
    }

    // A missing variable leaves its surroundings: empty brackets, doubled spaces, a dangling separator.
    private static string Tidy(string text)
    {
        var cleaned = EmptyBrackets().Replace(text, string.Empty);
        var builder = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            if (!(char.IsWhiteSpace(c) && builder.Length > 0 && char.IsWhiteSpace(builder[^1])))
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return builder.ToString().Trim(' ', '-', ',', '|', '·', '/');
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"\(\s*\)|\[\s*\]")]
    private static partial Regex EmptyBrackets();
}
