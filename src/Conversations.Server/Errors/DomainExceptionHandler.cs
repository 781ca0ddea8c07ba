using Conversations.Contracts;
using Conversations.Server.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace Conversations.Server.Errors;

/// <summary>Turns a refused domain command anywhere in a request into its problem details, and a body
/// that is not JSON (or whose field has the wrong type or a refused character) into a 400 naming that
/// field, so endpoints need no try/catch of their own. A grain call lost with a silo that left the cluster
/// (stopped or died while the call was on its way), or rejected by a silo that is stopping, is a 503 with
/// <c>Retry-After</c>: retried, it reaches the grain's new activation, and every write that crosses a node is
/// idempotent (client and provider message ids).</summary>
public sealed class DomainExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            DomainException domain => Problems.FromDomain(domain),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => Problems.Invalid(JsonFields.Of(json, "body"), JsonFields.Message(json, JsonFields.Of(json, "body"))),
            BadHttpRequestException bad => Results.Problem(bad.Message, statusCode: bad.StatusCode, title: "Bad request"),
            SiloUnavailableException or OrleansMessageRejectionException => Unavailable(httpContext),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static IResult Unavailable(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = "1";
        return Results.Problem(
            "A node of the cluster went away while serving this request; try again.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "unavailable",
            extensions: new Dictionary<string, object?> { ["code"] = "unavailable" });
    }
}
