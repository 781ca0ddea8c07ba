using Conversations.Contracts;

namespace Conversations.Server.Errors;

/// <summary>RFC 7807 answers. A client's mistake is a 4xx that names what was wrong, never a 500.</summary>
public static class Problems
{
    /// <summary>400 with the offending fields, each with its messages.</summary>
    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The request is not valid.");

    /// <summary>400 for one field.</summary>
    public static IResult Invalid(string field, string message) => Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    /// <summary>The status a refused domain command maps to.</summary>
    public static int StatusOf(DomainException exception) => exception.Code switch
    {
        DomainErrors.NotFound or DomainErrors.AgentUnknown or DomainErrors.TeamUnknown or DomainErrors.SiteUnknown
            or DomainErrors.ChannelUnknown or DomainErrors.WorkspaceUnknown => StatusCodes.Status404NotFound,
        DomainErrors.Forbidden or DomainErrors.NotOwner or DomainErrors.AgentNotAllowedOnSite => StatusCodes.Status403Forbidden,
        DomainErrors.InvalidArgument => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>A refused domain command as problem details, its code in <c>code</c>.</summary>
    public static IResult FromDomain(DomainException exception) => Results.Problem(
        exception.Message,
        statusCode: StatusOf(exception),
        title: exception.Code,
        type: $"https://conversations.dev/problems/{exception.Code}",
        extensions: new Dictionary<string, object?> { ["code"] = exception.Code });
}
