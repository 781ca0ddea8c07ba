using System.Net;
using System.Text.Json;
using Conversations.Server.Tests.Api;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Floor;

public sealed class FloorEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Online_AgentGoesOnline_IsListedWithLoad()
    {
        using var agent2 = await server.SignInAsync("agent2@demo.test");
        await using var console = await ConsoleAsync("agent2@demo.test");
        await console.InvokeAsync("setStatus", new { status = "online" });

        var online = await ApiJson.GetAsync(agent2, "/api/agents/online");

        var row = online.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "agent2");
        Assert.Equal("online", row.GetProperty("status").GetString());
        Assert.True(row.GetProperty("capacity").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Number, row.GetProperty("load").ValueKind);
    }

    [Fact]
    public async Task Online_UnknownSite_Returns400NamingIt()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.GetAsync(new Uri("/api/agents/online?siteId=nowhere", UriKind.Relative));

        await ApiJson.AssertInvalidAsync(response, "siteId");
    }

    [Fact]
    public async Task Floor_WaitingConversation_IsListedWithItsWait()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var (conversationId, _) = await server.StartConversationAsync(waiting: true);

        var floor = await ApiJson.GetAsync(admin, "/api/floor");

        var waiting = floor.GetProperty("waiting").EnumerateArray().Single(w => w.GetProperty("conversationId").GetString() == conversationId);
        Assert.Equal(ApiServer.ManualSite, waiting.GetProperty("siteId").GetString());
        Assert.True(waiting.GetProperty("waitSeconds").GetInt64() >= 0);
        Assert.Contains(floor.GetProperty("agents").EnumerateArray(), a => a.GetProperty("id").GetString() == "agent1");
    }

    [Fact]
    public async Task Floor_AsAgent_Returns403()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.GetAsync(new Uri("/api/floor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HubClient> ConsoleAsync(string email)
    {
        var cookies = new CookieContainer();
        using var http = server.CreateHttpClient(cookies);
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, new Uri("/api/auth/login", UriKind.Relative), new { email, password = ApiServer.Password });
        response.EnsureSuccessStatusCode();
        return await server.ConnectHubAsync("/hubs/console", new HubClientOptions { Cookies = cookies });
    }
}
