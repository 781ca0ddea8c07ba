using System.Globalization;
using System.Threading.RateLimiting;

namespace Conversations.Server.Auth;

/// <summary>A refused request over its budget: 429 problem details with <c>Retry-After</c> in whole
/// seconds, so a client knows when to try again instead of hammering.</summary>
public static class RateLimitRejection
{
    public static ValueTask WriteAsync(HttpContext http, RateLimitLease lease) =>
        WriteAsync(http, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));

    public static async ValueTask WriteAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            $"Too many attempts; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "rate_limited",
            extensions: new Dictionary<string, object?> { ["code"] = "rate_limited" }).ExecuteAsync(http);
    }
}
