using Conversations.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Seed;

/// <summary>Seeds CONTRACT.md's demo on an empty database. Runs as a hosted service registered after the
/// silo, so the silo is up when it starts. Each entity is created only when missing and the channel comes
/// last, so a first run cut short (a crash, a failed start) is completed by the next start, while a
/// completed demo (its channel exists) is never touched again: an admin's later changes stay. The demo
/// page is served by this server itself (same origin), so the site only lists the default address as a
/// foreign origin.</summary>
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
        var view = await workspace.GetAsync();
        if (!seed.Demo || view.Channels.Any(c => c.Id == DemoSeed.ChannelId))
        {
            return;
        }

        var admin = Agent(DemoSeed.AdminId, "admin@demo.test", "Admin", AgentRole.Admin);
        if (!view.Initialized)
        {
            view = await workspace.InitializeAsync(new WorkspaceSetup("Demo", admin, Licences: 5));
        }

        var agents = new[] { admin, Agent(DemoSeed.Agent1Id, "agent1@demo.test", "Agent 1"), Agent(DemoSeed.Agent2Id, "agent2@demo.test", "Agent 2") };
        foreach (var agent in agents)
        {
            var member = view.Agents.FirstOrDefault(a => a.AgentId == agent.Id) ?? await workspace.UpsertAgentAsync(DemoSeed.AdminId, agent);
            if (!member.Licensed)
            {
                await workspace.SetLicenceAsync(DemoSeed.AdminId, agent.Id, licensed: true);
            }

            var account = grains.GetGrain<IAccountGrain>(agent.Email);
            if (await account.GetAsync() is null)
            {
                await account.SetAsync(agent.Id, DemoSeed.WorkspaceId, hasher.HashPassword(null!, seed.Password));
            }
        }

        if (view.Sites.All(s => s.Id != DemoSeed.SiteId))
        {
            await workspace.UpsertSiteAsync(DemoSeed.AdminId, new SiteConfig(
                DemoSeed.SiteId,
                "Demo site",
                AllowedOrigins: ["http://localhost:5080"],
                AssistantId: DemoSeed.AssistantId,
                Appearance: new SiteAppearance("Conversations demo", "Hello! Ask a question, or ask for a human.", "#0b5cad")));
        }

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
