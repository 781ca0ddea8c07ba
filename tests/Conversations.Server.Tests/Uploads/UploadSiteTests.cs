using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Conversations.Server.Tests.Api;
using Conversations.Server.Tests.Hubs;

namespace Conversations.Server.Tests.Uploads;

public sealed class UploadSiteTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Download_VisitorUploadOfASiteTheAgentIsNotOn_NotFound()
    {
        await server.StartConversationAsync(waiting: false);
        using var admin = await server.SignInAsync("admin@demo.test");
        var email = $"manual-{Guid.NewGuid():N}@demo.test";
        using var created = await admin.PostAsJsonAsync("/api/agents", new
        {
            email,
            password = ApiServer.Password,
            displayName = "Manual only",
            role = "agent",
            allowedSiteIds = new[] { ApiServer.ManualSite },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        using var anonymous = server.CreateHttpClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "a.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = form };
        request.Headers.Add("X-Visitor-Token", start.Id("visitorToken"));
        using var uploaded = await anonymous.SendAsync(request);
        // The bare path, without the link's signature: what the agent's own session may read.
        var url = $"/api/uploads/{(await ApiJson.ReadAsync(uploaded, HttpStatusCode.OK)).GetProperty("id").GetString()}";
        using var restricted = await server.SignInAsync(email);
        using var everySite = await server.SignInAsync("agent1@demo.test");

        using var refused = await restricted.GetAsync(new Uri(url, UriKind.Relative));
        using var served = await everySite.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Theory]
    [InlineData("/api/sites")]
    [InlineData("/api/sites/demo")]
    [InlineData("/api/channels")]
    [InlineData("/api/channels/api-demo")]
    public async Task Get_SiteOrChannelConfigurationAsAgent_Forbidden(string url)
    {
        using var agent = await server.SignInAsync("agent1@demo.test");
        using var admin = await server.SignInAsync("admin@demo.test");

        using var refused = await agent.GetAsync(new Uri(url, UriKind.Relative));
        using var allowed = await admin.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
