using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Conversations.Server.WebApps;

/// <summary>Serves the web apps that Conversations.Web builds into wwwroot: the demo page at <c>/</c>,
/// <c>/widget.js</c> with its lazy chunks, and the console at <c>/console</c> with its client-side routes.</summary>
public static class WebAppsExtensions
{
    private const string ConsoleIndex = "console/index.html";

    /// <summary>Static files before authentication and routing: they are public, and a request they do not
    /// match (<c>/api</c>, <c>/hubs</c>, <c>/health</c>) passes through untouched.</summary>
    public static WebApplication UseWebApps(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = ContentTypes(), OnPrepareResponse = context => SetCaching(context) });
        return app;
    }

    /// <summary>Any <c>/console</c> path no file matches is a console route: the console's index answers it.</summary>
    public static IEndpointRouteBuilder MapWebApps(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallbackToFile("console/{**route}", ConsoleIndex, new StaticFileOptions { OnPrepareResponse = context => SetCaching(context) });
        return endpoints;
    }

    // widget.js runs on host pages of any encoding; without a charset a windows-1252 page would decode
    // the script's UTF-8 text (French strings, emoji) wrongly.
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        return provider;
    }

    // Vite fingerprints /assets/*, so those never change under a name; widget.js is embedded by host pages
    // under a fixed name (and loads its chunks under fixed names), so it is revalidated on every load.
    private static void SetCaching(StaticFileResponseContext context)
    {
        var path = context.Context.Request.Path;
        context.Context.Response.Headers[HeaderNames.CacheControl] =
            path.StartsWithSegments("/assets", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
        context.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
    }
}
