namespace Conversations.Server.Api;

/// <summary>The REST API's non-validation problems, worded so they never reveal another tenant's data.</summary>
public static class ApiProblems
{
    public static IResult NotFound(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult Conflict(string detail, string code) =>
        Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: code, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult TooLarge(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
}
