using Conversations.Grains.Persistence;
using Conversations.Server.Api;

namespace Conversations.Server.Inbox;

/// <summary>Parses the list's query string by hand, so a wrong value is a 400 naming its parameter rather
/// than a binding failure.</summary>
public sealed record ConversationListParameters(ConversationView View, ConversationFilter Filter, string? SiteId, string? Search, string? Cursor, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
    private const int MaxSearchLength = 200;

    public static ConversationListParameters? Parse(IQueryCollection query, FieldErrors errors)
    {
        var view = Text(query, "view") switch
        {
            null or "live" => ConversationView.Live,
            "closed" => ConversationView.Closed,
            "bot" => ConversationView.Bot,
            _ => Fail<ConversationView>(errors, "view", "view must be live, closed or bot."),
        };
        var filter = Text(query, "filter") switch
        {
            null or "all" => ConversationFilter.All,
            "unassigned" => ConversationFilter.Unassigned,
            "unread" => ConversationFilter.Unread,
            "mine" => ConversationFilter.Mine,
            _ => Fail<ConversationFilter>(errors, "filter", "filter must be all, unassigned, unread or mine."),
        };
        var limit = ReadLimit(query, "limit", DefaultLimit, MaxLimit, errors);
        var search = Text(query, "q");
        if (search is { Length: > MaxSearchLength })
        {
            errors.Add("q", $"q must be at most {MaxSearchLength} characters.");
        }

        return errors.Any ? null : new ConversationListParameters(view, filter, Text(query, "siteId"), search, Text(query, "cursor"), limit);
    }

    /// <summary>An integer parameter in [1, <paramref name="max"/>], or its default when absent.</summary>
    public static int ReadLimit(IQueryCollection query, string name, int defaultValue, int max, FieldErrors errors)
    {
        var text = Text(query, name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
        {
            errors.Add(name, $"{name} must be a whole number from 1 to {max}.");
            return defaultValue;
        }

        return value;
    }

    /// <summary>A parameter's single, non-blank value, or null.</summary>
    public static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;

    private static T Fail<T>(FieldErrors errors, string field, string message)
        where T : struct
    {
        errors.Add(field, message);
        return default;
    }
}
