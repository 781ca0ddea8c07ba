using System.Net;
using System.Net.Http.Json;
using Conversations.Server.Seed;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Api;

public sealed class AgentEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Create_ByAdmin_AgentCanSignInAndIsListed()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var created = await admin.PostAsJsonAsync("/api/agents", NewAgent("new1@demo.test", capacity: 3));
        var agent = await ApiJson.ReadAsync(created, HttpStatusCode.Created);
        using var signedIn = await server.SignInAsync("New1@Demo.test");
        var list = await ApiJson.GetAsync(signedIn, "/api/agents");

        var id = agent.GetProperty("id").GetString();
        Assert.Equal("supervisor", agent.GetProperty("role").GetString());
        Assert.Equal(3, agent.GetProperty("capacity").GetInt32());
        Assert.False(agent.GetProperty("licensed").GetBoolean());
        Assert.True(agent.GetProperty("active").GetBoolean());
        Assert.Equal("offline", agent.GetProperty("status").GetString());
        Assert.False(agent.TryGetProperty("password", out _));
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Create_ByNonAdmin_Returns403()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.PostAsJsonAsync("/api/agents", NewAgent("sneaky@demo.test"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("password")]
    [InlineData("displayName")]
    [InlineData("role")]
    [InlineData("capacity")]
    [InlineData("allowedSiteIds")]
    [InlineData("avatarUrl")]
    public async Task Create_BadField_Returns400NamingIt(string field)
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var body = new Dictionary<string, object?>
        {
            ["email"] = field == "email" ? "not-an-address" : $"{Guid.NewGuid():N}@demo.test",
            ["password"] = field == "password" ? "short" : ApiServer.Password,
            ["displayName"] = field == "displayName" ? " " : "Someone",
            ["role"] = field == "role" ? "emperor" : "agent",
            ["capacity"] = field == "capacity" ? 0 : 2,
            ["allowedSiteIds"] = field == "allowedSiteIds" ? new[] { "no-such-site" } : null,
            ["avatarUrl"] = field == "avatarUrl" ? "javascript:alert(1)" : null,
        };

        using var response = await admin.PostAsJsonAsync("/api/agents", body);

        await ApiJson.AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task Create_TakenEmail_Returns409()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.PostAsJsonAsync("/api/agents", NewAgent("agent1@demo.test"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Licence_BeyondTheCount_Returns409AndLoweringBelowUseToo()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var settings = await ApiJson.GetAsync(admin, "/api/settings");
        var inUse = settings.GetProperty("licensedAgents").GetInt32();
        using var lowered = await admin.PutAsJsonAsync("/api/settings", new { licences = inUse });
        await ApiJson.ReadAsync(lowered, HttpStatusCode.OK);
        using var created = await admin.PostAsJsonAsync("/api/agents", NewAgent("unlicensed@demo.test"));
        var id = (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();

        using var refused = await admin.PutAsJsonAsync($"/api/agents/{id}/licence", new { licensed = true });
        using var createdLicensed = await admin.PostAsJsonAsync("/api/agents", NewAgent("licensed@demo.test", licensed: true));
        using var tooLow = await admin.PutAsJsonAsync("/api/settings", new { licences = inUse - 1 });
        using var raised = await admin.PutAsJsonAsync("/api/settings", new { licences = inUse + 1 });
        using var granted = await admin.PutAsJsonAsync($"/api/agents/{id}/licence", new { licensed = true });

        var problem = await ApiJson.ReadAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal("licences_exhausted", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, createdLicensed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tooLow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.True((await ApiJson.ReadAsync(granted, HttpStatusCode.OK)).GetProperty("licensed").GetBoolean());
    }

    [Fact]
    public async Task Update_ChangesProfileAndResetsPassword()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/agents", NewAgent("update-me@demo.test"));
        var id = (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();

        using var updated = await admin.PutAsJsonAsync($"/api/agents/{id}", new
        {
            displayName = "Renamed",
            role = "agent",
            allowedSiteIds = new[] { DemoSeed.SiteId },
            capacity = 7,
            showBotConversations = true,
            password = "a-new-password",
        });
        var agent = await ApiJson.ReadAsync(updated, HttpStatusCode.OK);
        using var withNewPassword = await server.SignInAsync("update-me@demo.test", "a-new-password");

        Assert.Equal("Renamed", agent.GetProperty("displayName").GetString());
        Assert.Equal("agent", agent.GetProperty("role").GetString());
        Assert.Equal(7, agent.GetProperty("capacity").GetInt32());
        Assert.True(agent.GetProperty("showBotConversations").GetBoolean());
        Assert.Equal([DemoSeed.SiteId], agent.GetProperty("allowedSiteIds").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Revoke_EndsSessionsAndSignIn()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/agents", NewAgent("leaving@demo.test", licensed: false));
        var id = (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();
        using var leaving = await server.SignInAsync("leaving@demo.test");

        using var revoked = await admin.DeleteAsync(new Uri($"/api/agents/{id}", UriKind.Relative));
        using var me = await leaving.GetAsync(new Uri("/api/me", UriKind.Relative));
        using var anonymous = server.CreateHttpClient();
        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "leaving@demo.test", password = ApiServer.Password });
        var listed = await ApiJson.GetAsync(admin, $"/api/agents/{id}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.False(listed.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Revoke_Self_Returns409()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.DeleteAsync(new Uri($"/api/agents/{DemoSeed.AdminId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Update_UnknownAgent_Returns404()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.PutAsJsonAsync("/api/agents/nobody", new { displayName = "X", role = "agent" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Update_OnlyDisplayName_KeepsSitesRoleAndCapacity()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/agents", new
        {
            email = "partial@demo.test",
            password = ApiServer.Password,
            displayName = "Before",
            role = "supervisor",
            allowedSiteIds = new[] { DemoSeed.SiteId },
            capacity = 3,
            showBotConversations = true,
        });
        var id = (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();

        using var updated = await admin.PutAsJsonAsync($"/api/agents/{id}", new { displayName = "After" });
        var agent = await ApiJson.ReadAsync(updated, HttpStatusCode.OK);

        Assert.Equal("After", agent.GetProperty("displayName").GetString());
        Assert.Equal("supervisor", agent.GetProperty("role").GetString());
        Assert.Equal(3, agent.GetProperty("capacity").GetInt32());
        Assert.True(agent.GetProperty("showBotConversations").GetBoolean());
        Assert.Equal([DemoSeed.SiteId], agent.GetProperty("allowedSiteIds").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Update_ExplicitNullSites_GivesEverySite()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/agents", new { email = "every-site@demo.test", password = ApiServer.Password, displayName = "X", allowedSiteIds = new[] { DemoSeed.SiteId } });
        var id = (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();

        using var updated = await admin.PutAsJsonAsync($"/api/agents/{id}", new { allowedSiteIds = (string[]?)null });
        var agent = await ApiJson.ReadAsync(updated, HttpStatusCode.OK);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, agent.GetProperty("allowedSiteIds").ValueKind);
        Assert.Equal("X", agent.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Update_MistypedField_Returns400NamingIt()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.PutAsync(
            new Uri($"/api/agents/{DemoSeed.Agent2Id}", UriKind.Relative),
            new StringContent("""{"capacity":"lots"}""", System.Text.Encoding.UTF8, "application/json"));

        await ApiJson.AssertInvalidAsync(response, "capacity");
    }

    [Fact]
    public async Task Update_PasswordOfRevokedAgent_StaysRevokedUntilReactivated()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/agents", NewAgent("revoked-reset@demo.test"));
        var id = (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();
        using var revoked = await admin.DeleteAsync(new Uri($"/api/agents/{id}", UriKind.Relative));

        using var reset = await admin.PutAsJsonAsync($"/api/agents/{id}", new { password = "reset-password" });
        using var anonymous = server.CreateHttpClient();
        using var refused = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "revoked-reset@demo.test", password = "reset-password" });
        var afterReset = await ApiJson.ReadAsync(reset, HttpStatusCode.OK);
        using var reactivated = await admin.PostAsync(new Uri($"/api/agents/{id}/reactivate", UriKind.Relative), null);
        var afterReactivation = await ApiJson.ReadAsync(reactivated, HttpStatusCode.OK);
        using var signedIn = await server.SignInAsync("revoked-reset@demo.test", "reset-password");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.False(afterReset.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(afterReactivation.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Reactivate_ByNonAdmin_Returns403()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.PostAsync(new Uri($"/api/agents/{DemoSeed.Agent2Id}/reactivate", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Update_SitesChanged_ConsoleClosedAndSessionEnded()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/agents", NewAgent("moved@demo.test"));
        var id = (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();
        var cookies = new CookieContainer();
        using (var login = server.CreateHttpClient(cookies))
        {
            using var signedIn = await login.PostAsJsonAsync("/api/auth/login", new { email = "moved@demo.test", password = ApiServer.Password });
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        await using var console = await server.ConnectHubAsync("/hubs/console", new HubClientOptions { Cookies = cookies });
        await server.StartConversationAsync();
        using var updated = await admin.PutAsJsonAsync($"/api/agents/{id}", new { allowedSiteIds = new[] { ApiServer.ManualSite } });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await console.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => server.ConnectHubAsync("/hubs/console", new HubClientOptions { Cookies = cookies }));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private static object NewAgent(string email, int capacity = 2, bool licensed = false) => new
    {
        email,
        password = ApiServer.Password,
        displayName = "New agent",
        role = "supervisor",
        allowedSiteIds = (string[]?)null,
        capacity,
        licensed,
    };
}
