using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Web.Tests.Hosting;

/// <summary>A customer's web site on another origin (its own Kestrel port on loopback), serving one page. A
/// real listener rather than Playwright's router, so the browser applies its real cross-origin and
/// local-network rules to what the page loads from the server.</summary>
public sealed class OtherOriginHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtherOriginHost(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>The page's origin, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin { get; }

    public static async Task<OtherOriginHost> StartAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        app.MapGet("/favicon.ico", () => Results.NoContent());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OtherOriginHost(app, new Uri(address).GetLeftPart(UriPartial.Authority));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
