using System.Globalization;

namespace Conversations.Bots.Definition;

/// <summary>An onboarding rule's priority, in words (low, normal, high, urgent) or as a whole number, as the
/// queue ranks it: higher is served first, normal is 0.</summary>
public static class RoutingPriority
{
    /// <summary>The rank, or null when the text is none of these.</summary>
    public static int? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "low" => -1,
        "normal" => 0,
        "high" => 1,
        "urgent" => 2,
        var other => int.TryParse(other, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null,
    };
}
