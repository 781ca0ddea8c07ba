using Conversations.Server.Auth;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Security;

/// <summary>Refuses, with 403 problem details, what another site's page could make a browser send with the
/// agents' cookie: the console hub (negotiate and WebSocket upgrade; WebSockets have no CORS) from an origin
/// that is not the server's own or configured, and any cookie-carrying change under <c>/api</c> (POST, PUT,
/// PATCH, DELETE) from such an origin. Browsers send <c>Origin</c> on every WebSocket and on every
/// cross-origin or non-GET fetch and form post, and <c>Sec-Fetch-Site</c> on every request; a request with
/// neither comes from a program that holds the cookie itself, which no cross-site page can make, so it
/// passes. Sign-in (there is no session to ride yet) and the connectors (signed, no cookie) are exempt.</summary>
public sealed class CrossSiteRequestGuard(IOptions<ConsoleOriginOptions> options) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Guards(context.Request) && !IsSameSiteOrAllowed(context.Request))
        {
            await Results.Problem(
                "Cross-site request refused: this origin may not use the console's session.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "cross_site",
                extensions: new Dictionary<string, object?> { ["code"] = "cross_site" }).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool Guards(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/hubs/console"))
        {
            return true;
        }

        if (!request.Path.StartsWithSegments("/api", out var rest) || HttpMethods.IsGet(request.Method) ||
            HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) ||
            !request.Cookies.ContainsKey(AuthExtensions.CookieName))
        {
            return false;
        }

        var segments = rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var signIn = segments is ["auth", "login"];
        var connector = segments is ["channels", _, "messages" or "status"];
        return !signIn && !connector;
    }

    private bool IsSameSiteOrAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return Uri.TryCreate(origin, UriKind.Absolute, out var originUri) && (IsOwn(originUri, request) || IsConfigured(originUri));
        }

        // No Origin: a same-origin GET-like navigation from a browser, or a program. Sec-Fetch-Site still
        // tells a browser's cross-site request apart.
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        return fetchSite.Length == 0 || fetchSite is "same-origin" or "none";
    }

    private static bool IsOwn(Uri origin, HttpRequest request) =>
        string.Equals(origin.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(origin.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private bool IsConfigured(Uri origin) => options.Value.AllowedOrigins.Any(allowed =>
        Uri.TryCreate(allowed, UriKind.Absolute, out var allowedUri) &&
        string.Equals(allowedUri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(allowedUri.Authority, origin.Authority, StringComparison.OrdinalIgnoreCase));
}
