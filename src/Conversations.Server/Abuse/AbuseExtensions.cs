using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Abuse;

/// <summary>Wires the abuse budgets (<c>Abuse</c> section) into the hubs and uploads.</summary>
public static class AbuseExtensions
{
    /// <summary>Call after the hubs are added, so the budget filter runs inside the error filter.</summary>
    public static IServiceCollection AddAbuseBudgets(this IServiceCollection services)
    {
        services.AddOptions<AbuseOptions>().BindConfiguration("Abuse");
        services.AddSingleton<AbuseBudgets>();
        services.AddSingleton<AbuseBudgetFilter>();
        services.AddOptions<HubOptions>().Configure<AbuseBudgetFilter>(static (options, filter) => options.AddFilter(filter));
        return services;
    }

    /// <summary>The 429 of an HTTP request over budget, with <c>Retry-After</c>.</summary>
    public static IResult TooManyRequests(this HttpContext http, AbuseRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(refusal);
        http.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(refusal.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "rate_limited", extensions: new Dictionary<string, object?> { ["code"] = "rate_limited" });
    }
}
