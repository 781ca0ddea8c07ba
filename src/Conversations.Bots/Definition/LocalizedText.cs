namespace Conversations.Bots.Definition;

/// <summary>A text in one or several languages. In YAML either a plain string (every language) or a map
/// from language code to text.</summary>
public sealed class LocalizedText
{
    /// <summary>The key a plain string is stored under: it serves every language.</summary>
    public const string AnyLanguage = "*";

    public LocalizedText()
    {
    }

    public LocalizedText(string text) => Values[AnyLanguage] = text;

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> values)
    {
        foreach (var (language, text) in values)
        {
            Values[language] = text;
        }
    }

    /// <summary>Language code (or <see cref="AnyLanguage"/>) → text.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The text in <paramref name="language"/>, else the one for every language, else the default
    /// language's, else any.</summary>
    public string Resolve(string language, string defaultLanguage)
    {
        if (Values.TryGetValue(language, out var text) || Values.TryGetValue(AnyLanguage, out text) || Values.TryGetValue(defaultLanguage, out text))
        {
            return text;
        }

        return Values.Values.FirstOrDefault() ?? string.Empty;
    }
}
