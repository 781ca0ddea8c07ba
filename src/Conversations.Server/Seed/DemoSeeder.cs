using Conversations.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Seed;

/// <summary>Seeds CONTRACT.md's demo once, on an empty database (no <c>demo</c> workspace yet). Runs as a
/// hosted service registered after the silo, so the silo is up when it starts. The demo page is served
/// by this server itself (same origin), so the site only lists the default address as a foreign origin.</summary>
public sealed partial class DemoSeeder(
    IGrainFactory grains,
    IPasswordHasher<AccountView> hasher,
    IOptions<DemoSeedOptions> options,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value;
        var workspace = grains.GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId);
        if (!seed.Demo || (await workspace.GetAsync()).Initialized)
        {
            return;
        }

        var admin = Agent(DemoSeed.AdminId, "admin@demo.test", "Admin", AgentRole.Admin);
        await workspace.InitializeAsync(new WorkspaceSetup("Demo", admin, Licences: 5));
        var agents = new[] { admin, Agent(DemoSeed.Agent1Id, "agent1@demo.test", "Agent 1"), Agent(DemoSeed.Agent2Id, "agent2@demo.test", "Agent 2") };
        foreach (var agent in agents)
        {
            await workspace.UpsertAgentAsync(DemoSeed.AdminId, agent);
            await workspace.SetLicenceAsync(DemoSeed.AdminId, agent.Id, licensed: true);
            var account = grains.GetGrain<IAccountGrain>(agent.Email);
            await account.SetAsync(agent.Id, DemoSeed.WorkspaceId, hasher.HashPassword(null!, seed.Password));
        }

        await workspace.UpsertSiteAsync(DemoSeed.AdminId, new SiteConfig(
            DemoSeed.SiteId,
            "Demo site",
            AllowedOrigins: ["http://localhost:5080"],
            AssistantId: DemoSeed.AssistantId));
        await workspace.UpsertChannelAsync(DemoSeed.AdminId, new ChannelConfig(
            DemoSeed.ChannelId,
            "API demo",
            seed.ConnectorSecret,
            WebhookUrl: string.IsNullOrWhiteSpace(seed.ConnectorWebhookUrl) ? null : seed.ConnectorWebhookUrl,
            AssistantId: DemoSeed.AssistantId));
        LogSeeded(DemoSeed.WorkspaceId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static AgentProfile Agent(string id, string email, string name, AgentRole role = AgentRole.Agent) =>
        new(id, DemoSeed.WorkspaceId, email, name, role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo workspace {WorkspaceId}")]
    private partial void LogSeeded(string workspaceId);
}
