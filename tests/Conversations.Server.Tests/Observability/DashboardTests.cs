using System.Net;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.Observability;

public sealed class DashboardTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Dashboard_Anonymous_Returns401()
    {
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Agent_Returns403()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Admin_ServesThePageAndTheClusterData()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var page = await admin.GetAsync(new Uri("/dashboard", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
    }
}
