using System.Net;
using System.Net.Http.Json;
using Conversations.Actors;
using Conversations.Contracts;
using Conversations.Server.Seed;
using Conversations.Testing.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Seed;

/// <summary>Restarts of the real server on one data folder, as after a crash.</summary>
public sealed class DemoSeederTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Start_AfterInterruptedFirstSeed_CompletesTheDemo()
    {
        await using (var crashed = Server(seed: false))
        {
            // What a first seed cut short after its first steps leaves: the workspace, its admin's account,
            // and agent1 without licence or account.
            var grains = crashed.Services.GetRequiredService<IGrainFactory>();
            var workspace = grains.GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId);
            await workspace.InitializeAsync(new WorkspaceSetup("Demo", new AgentProfile(DemoSeed.AdminId, DemoSeed.WorkspaceId, "admin@demo.test", "Admin", AgentRole.Admin), Licences: 5));
            var hash = crashed.Services.GetRequiredService<IPasswordHasher<AccountView>>().HashPassword(null!, "demo-password");
            await grains.GetGrain<IAccountGrain>("admin@demo.test").SetAsync(DemoSeed.AdminId, DemoSeed.WorkspaceId, hash);
            await workspace.UpsertAgentAsync(DemoSeed.AdminId, new AgentProfile(DemoSeed.Agent1Id, DemoSeed.WorkspaceId, "agent1@demo.test", "Agent 1"));
        }

        await using var restarted = Server(seed: true);
        using var admin = await SignInAsync(restarted, "admin@demo.test");
        using var agent1 = await SignInAsync(restarted, "agent1@demo.test");
        using var agent2 = await SignInAsync(restarted, "agent2@demo.test");
        var agents = await admin.GetFromJsonAsync<List<Agent>>(new Uri("/api/agents", UriKind.Relative));
        var sites = await admin.GetStringAsync(new Uri("/api/sites", UriKind.Relative));
        var channels = await admin.GetStringAsync(new Uri("/api/channels", UriKind.Relative));

        Assert.Equal(["admin", "agent1", "agent2"], agents!.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.All(agents!, a => Assert.True(a.Licensed, $"{a.Id} is not licensed"));
        Assert.Contains($"\"id\":\"{DemoSeed.SiteId}\"", sites, StringComparison.Ordinal);
        Assert.Contains($"\"id\":\"{DemoSeed.ChannelId}\"", channels, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AfterCompletedSeed_KeepsTheAdminsChanges()
    {
        await using (var first = Server(seed: true))
        {
            using var admin = await SignInAsync(first, "admin@demo.test");
            using var unlicensed = await admin.PutAsJsonAsync($"/api/agents/{DemoSeed.Agent1Id}/licence", new { licensed = false });
            Assert.Equal(HttpStatusCode.OK, unlicensed.StatusCode);
        }

        await using var restarted = Server(seed: true);
        using var again = await SignInAsync(restarted, "admin@demo.test");
        var agent1 = await again.GetFromJsonAsync<Agent>(new Uri($"/api/agents/{DemoSeed.Agent1Id}", UriKind.Relative));

        Assert.False(agent1!.Licensed);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private KestrelServerFixture<Program> Server(bool seed)
    {
        var server = new KestrelServerFixture<Program>();
        server.Settings["Storage:DataDirectory"] = _dataDirectory;
        server.Settings["ConnectionStrings:Conversations"] = $"Data Source={Path.Combine(_dataDirectory, "conversations.db")}";
        server.Settings["Seed:Demo"] = seed ? "true" : "false";
        _ = server.BaseAddress;
        return server;
    }

    private static async Task<HttpClient> SignInAsync(KestrelServerFixture<Program> server, string email)
    {
        var http = server.CreateHttpClient(new CookieContainer());
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "demo-password" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return http;
    }

    private sealed record Agent(string Id, bool Licensed);
}
