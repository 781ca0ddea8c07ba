using System.Net;
using Conversations.Web.Tests.Hosting;

namespace Conversations.Web.Tests;

/// <summary>The server serves the built web apps without shadowing its API, hubs and probes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppsServingTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/widget.js", "text/javascript")]
    [InlineData("/console", "text/html")]
    [InlineData("/console/", "text/html")]
    [InlineData("/console/conversations/abc", "text/html")]
    public async Task Get_WebAppPath_ServesTheFile(string path, string contentType)
    {
        using var http = fixture.Server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/api/me", HttpStatusCode.Unauthorized)]
    [InlineData("/api/no-such-route", HttpStatusCode.Unauthorized)]
    public async Task Get_ServerPath_IsNotShadowedByTheWebApps(string path, HttpStatusCode expected)
    {
        using var http = fixture.Server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }
}
