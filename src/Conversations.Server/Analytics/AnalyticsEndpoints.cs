using System.Globalization;
using Conversations.Server.Api;
using Conversations.Server.Auth;
using Conversations.Server.Inbox;
using Conversations.Storage.Analytics;

namespace Conversations.Server.Analytics;

/// <summary><c>GET /api/analytics?from=&amp;to=</c>: counts of analytics events by type over a period (the
/// last 7 days by default), for supervisors and admins.</summary>
public static class AnalyticsEndpoints
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);
    private static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/analytics", SummaryAsync).RequireAuthorization(AuthPolicies.Supervisor);
        return endpoints;
    }

    private static async Task<IResult> SummaryAsync(HttpContext http, SqlAnalyticsReader reader, SqlAnalyticsSink sink, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var now = clock.GetUtcNow();
        var to = Time(http.Request.Query, "to", errors) ?? now;
        var from = Time(http.Request.Query, "from", errors) ?? to - DefaultPeriod;
        if (!errors.Any && (from >= to || to - from > MaxPeriod))
        {
            errors.Add("from", "from must be before to, and the period at most 366 days.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // The sink writes about once a second: what this node recorded is written before it is counted.
        await sink.FlushAsync().WaitAsync(http.RequestAborted);
        var counts = await reader.CountByTypeAsync(CurrentAgent.Of(http).WorkspaceId, from, to, http.RequestAborted);
        return Results.Ok(new AnalyticsSummary(from, to, counts.Sum(c => c.Count), counts));
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name, FieldErrors errors)
    {
        if (ConversationListParameters.Text(query, name) is not { } text)
        {
            return null;
        }

        // The period arithmetic (to minus 7 days) must stay within DateTimeOffset's range.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            && value >= DateTimeOffset.UnixEpoch && value.Year < 9000)
        {
            return value;
        }

        errors.Add(name, $"{name} must be an ISO 8601 date and time from 1970 on.");
        return null;
    }
}
