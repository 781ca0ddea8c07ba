using System.Globalization;

namespace Conversations.Server.Text;

/// <summary>What text the edge accepts. PostgreSQL cannot store U+0000 nor an unpaired surrogate (Npgsql's
/// UTF-8 encoder refuses it), and SQLite would store what PostgreSQL refuses, so both are refused before any
/// grain or database sees them, on either provider alike. Ids take no control character at all; texts a
/// person writes keep tabs and line breaks.</summary>
public static class TextRules
{
    /// <summary>Why <paramref name="value"/> cannot be stored, or null when it can.</summary>
    /// <param name="value">The text.</param>
    /// <param name="multiline">Whether tab, line feed and carriage return are allowed (texts, not ids).</param>
    public static string? Problem(string value, bool multiline = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return "must not contain U+0000 (NUL).";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "must not contain an unpaired UTF-16 surrogate (it is not valid Unicode text).";
            }

            var control = multiline ? c < ' ' && c is not ('\t' or '\n' or '\r') : char.IsControl(c);
            if (control)
            {
                return string.Create(CultureInfo.InvariantCulture, $"must not contain the control character U+{(int)c:X4}.");
            }
        }

        return null;
    }
}
