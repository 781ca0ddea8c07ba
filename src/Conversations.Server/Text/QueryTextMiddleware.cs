using Conversations.Server.Errors;

namespace Conversations.Server.Text;

/// <summary>Refuses a query string value that <see cref="TextRules"/> refuses (a percent-encoded NUL, say)
/// with a 400 naming the parameter, before any endpoint passes it to a grain or a database. Kestrel already
/// refuses such characters in the path.</summary>
public sealed class QueryTextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.QueryString.HasValue)
        {
            foreach (var (name, values) in context.Request.Query)
            {
                if (TextRules.Problem(name, multiline: false) is { } nameProblem)
                {
                    return Problems.Invalid("query", $"A query parameter name {nameProblem}").ExecuteAsync(context);
                }

                foreach (var value in values)
                {
                    if (value is not null && TextRules.Problem(value, multiline: false) is { } problem)
                    {
                        return Problems.Invalid(name, $"{name} {problem}").ExecuteAsync(context);
                    }
                }
            }
        }

        return next(context);
    }
}
