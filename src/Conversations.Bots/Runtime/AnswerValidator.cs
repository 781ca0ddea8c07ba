using System.Globalization;
using System.Text.RegularExpressions;

using Conversations.Bots.Definition;

namespace Conversations.Bots.Runtime;

/// <summary>Checks a free-text answer against an input step's validation and returns the value to store.</summary>
public static partial class AnswerValidator
{
    /// <summary>The cleaned value when the answer passes, else null.</summary>
    public static string? Validate(string? validation, string? text)
    {
        var answer = text?.Trim() ?? string.Empty;
        switch (validation)
        {
            case InputValidation.Email:
                return Email().IsMatch(answer) ? answer : null;
            case InputValidation.Phone:
                var digits = PhoneSeparators().Replace(answer, string.Empty);
                return Phone().IsMatch(digits) ? digits : null;
            case InputValidation.Number:
                var number = NumberPrefix().Replace(answer, string.Empty).Replace(',', '.');
                return decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
                    ? number
                    : null;
            default:
                return answer.Length > 0 ? answer : null;
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^\+?\d{6,15}$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^(n°|no\.?|#|num[eé]ro)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPrefix();
}
