using Conversations.Contracts;
using Conversations.Server.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace Conversations.Server.Errors;

/// <summary>Turns a refused domain command anywhere in a request into its problem details, and a body
/// that is not JSON (or whose field has the wrong type or a refused character) into a 400 naming that
/// field, so endpoints need no try/catch of their own.</summary>
public sealed class DomainExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            DomainException domain => Problems.FromDomain(domain),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => Problems.Invalid(JsonFields.Of(json, "body"), JsonFields.Message(json, JsonFields.Of(json, "body"))),
            BadHttpRequestException bad => Results.Problem(bad.Message, statusCode: bad.StatusCode, title: "Bad request"),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }
}
