using Conversations.Actors;
using Conversations.Contracts;
using Conversations.Server.Api;
using Microsoft.Net.Http.Headers;

namespace Conversations.Server.WidgetConfig;

/// <summary><c>GET /api/sites/{id}/widget</c>: a site's widget appearance, anonymous (the widget asks it
/// from customers' pages before any visitor exists).</summary>
public static class WidgetConfigEndpoints
{
    public static IEndpointRouteBuilder MapWidgetConfigEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/sites/{id}/widget", GetAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISiteGrain>(id).GetAsync() is not { } route)
        {
            return ApiProblems.NotFound($"Site '{id}' does not exist.");
        }

        // Host pages on other origins read it; it is public, so any origin may, without credentials.
        http.Response.Headers[HeaderNames.AccessControlAllowOrigin] = "*";
        http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=60";
        var site = route.Site;
        var look = site.Appearance ?? new SiteAppearance();
        return Results.Ok(new WidgetConfigResponse(site.Id, site.Name, look.Title, look.Greeting, look.PrimaryColor, look.AvatarUrl, look.LauncherPosition ?? "right"));
    }
}
