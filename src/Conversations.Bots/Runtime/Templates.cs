using System.Text.RegularExpressions;

namespace Conversations.Bots.Runtime;

/// <summary>Fills <c>{{variable}}</c> and <c>{{variable|default}}</c> in a text. Values are inserted as text:
/// clients render bot messages as text, never as HTML.</summary>
public static partial class Templates
{
    public static string Render(string template, Func<string, string?> lookup) =>
        Placeholder().Replace(template, match =>
        {
            var value = lookup(match.Groups["name"].Value.Trim());
            return string.IsNullOrEmpty(value) ? match.Groups["default"].Value : value;
        });

    [GeneratedRegex(@"\{\{(?<name>[^}|]+)(\|(?<default>[^}]*))?\}\}")]
    private static partial Regex Placeholder();
}
