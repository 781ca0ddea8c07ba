using System.Globalization;
using Conversations.Contracts;
using Conversations.Server.Api;

namespace Conversations.Server.Admin;

/// <summary>Checks a site's widget appearance: the widget renders these values on customers' pages, so
/// colours are strict hex, the avatar an http(s) URL or a server path, and texts short plain text.</summary>
public static class AppearanceInput
{
    private const int MaxTitle = 60;
    private const int MaxGreeting = 280;

    public static SiteAppearance Validate(SiteAppearance given, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(errors);
        return new SiteAppearance(
            Optional(given.Title, "appearance.title", MaxTitle, errors),
            Optional(given.Greeting, "appearance.greeting", MaxGreeting, errors),
            Color(given.PrimaryColor, errors),
            Avatar(given.AvatarUrl, errors),
            Position(given.LauncherPosition, errors));
    }

    private static string? Optional(string? value, string field, int max, FieldErrors errors) =>
        string.IsNullOrWhiteSpace(value) ? null : AdminInput.Text(value, field, max, errors);

    private static string? Color(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length != 7 || trimmed[0] != '#' || !int.TryParse(trimmed.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _))
        {
            errors.Add("appearance.primaryColor", "appearance.primaryColor must be a colour such as #0b5cad.");
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    private static string? Avatar(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // A server path such as an upload's /api/uploads/{id} is allowed as well as an absolute URL.
        var trimmed = value.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) && trimmed.Length <= 2048 && !trimmed.Any(char.IsControl))
        {
            return trimmed;
        }

        return AdminInput.HttpUrl(trimmed, "appearance.avatarUrl", errors);
    }

    private static string? Position(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value is not ("left" or "right"))
        {
            errors.Add("appearance.launcherPosition", "appearance.launcherPosition must be 'left' or 'right'.");
            return null;
        }

        return value;
    }
}
