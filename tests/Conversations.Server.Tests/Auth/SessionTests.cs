using System.Net;
using System.Net.Http.Json;
using Conversations.Contracts;
using Conversations.Server.Seed;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.Auth;

public sealed class SessionTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Logout_CopiedCookie_RefusedAfterwards()
    {
        var (email, _) = await CreateAgentAsync("agent");
        var cookies = await SignInAsync(email);
        using var copy = server.CreateHttpClient(Copy(cookies));
        using var http = server.CreateHttpClient(cookies);

        using var logout = await http.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);
        using var me = await copy.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task PasswordReset_OldCookieRefusedNewPasswordSignsIn()
    {
        var (email, id) = await CreateAgentAsync("agent");
        using var old = server.CreateHttpClient(await SignInAsync(email));
        using var admin = await server.SignInAsync("admin@demo.test");

        using var reset = await admin.PutAsJsonAsync($"/api/agents/{id}", new { password = "another-password" });
        using var me = await old.GetAsync(new Uri("/api/me", UriKind.Relative));
        using var again = await server.SignInAsync(email, "another-password");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Demoted_ThroughTheApi_OldCookieLosesAdminPowers()
    {
        var (email, id) = await CreateAgentAsync("admin");
        var (_, victim) = await CreateAgentAsync("agent");
        using var demoted = server.CreateHttpClient(await SignInAsync(email));
        await ApiJson.GetAsync(demoted, "/api/analytics");
        using var admin = await server.SignInAsync("admin@demo.test");

        using var demotion = await admin.PutAsJsonAsync($"/api/agents/{id}", new { role = "agent" });
        using var me = await demoted.GetAsync(new Uri("/api/me", UriKind.Relative));
        using var revoke = await demoted.DeleteAsync(new Uri($"/api/agents/{victim}", UriKind.Relative));
        var victimView = await ApiJson.GetAsync(admin, $"/api/agents/{victim}");

        Assert.Equal(HttpStatusCode.OK, demotion.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoke.StatusCode);
        Assert.True(victimView.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Demoted_OutsideTheApi_RoleReadFreshAndNothingRevoked()
    {
        var (email, id) = await CreateAgentAsync("admin");
        var (_, victim) = await CreateAgentAsync("agent");
        using var demoted = server.CreateHttpClient(await SignInAsync(email));
        await ApiJson.GetAsync(demoted, "/api/analytics");

        // Straight on the workspace grain, as another node or a future path would: no stamp is renewed.
        await server.Grains.GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId).UpsertAgentAsync(
            DemoSeed.AdminId, new AgentProfile(id, DemoSeed.WorkspaceId, email, "Demoted"));
        using var analytics = await demoted.GetAsync(new Uri("/api/analytics", UriKind.Relative));
        using var revoke = await demoted.DeleteAsync(new Uri($"/api/agents/{victim}", UriKind.Relative));
        using var admin = await server.SignInAsync("admin@demo.test");
        var victimView = await ApiJson.GetAsync(admin, $"/api/agents/{victim}");

        Assert.Equal(HttpStatusCode.Unauthorized, analytics.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoke.StatusCode);
        Assert.True(victimView.GetProperty("active").GetBoolean());
    }

    private async Task<(string Email, string Id)> CreateAgentAsync(string role)
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var email = $"session-{Guid.NewGuid():N}@demo.test";
        using var created = await admin.PostAsJsonAsync("/api/agents", new { email, password = ApiServer.Password, displayName = "Session", role });
        return (email, (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!);
    }

    private async Task<CookieContainer> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        using var http = server.CreateHttpClient(cookies);
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = ApiServer.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return cookies;
    }

    private static CookieContainer Copy(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        copy.Add(cookies.GetAllCookies());
        return copy;
    }
}
