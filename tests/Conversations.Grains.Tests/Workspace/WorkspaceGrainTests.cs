using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Workspace;

public sealed class WorkspaceGrainTests
{
    [Fact]
    public async Task SetLicence_MoreLicensedAgentsThanLicences_RefusedAsExhausted()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 2, licences: 2);
        await h.AddAgentAsync("a3", licensed: false);

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Workspace.SetLicenceAsync(GrainsHarness.AdminId, "a3", true));

        Assert.Equal(DomainErrors.LicencesExhausted, error.Code);
        Assert.Contains("2 licences", error.Message);
        Assert.False((await h.Agent("a3").GetAsync()).Licensed);
    }

    [Fact]
    public async Task SetLicence_AfterRevokingAnother_Succeeds()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 2, licences: 2);
        await h.AddAgentAsync("a3", licensed: false);

        await h.Workspace.SetLicenceAsync(GrainsHarness.AdminId, "a1", false);
        var entry = await h.Workspace.SetLicenceAsync(GrainsHarness.AdminId, "a3", true);

        Assert.True(entry.Licensed);
        Assert.True((await h.Agent("a3").GetAsync()).Licensed);
        Assert.False((await h.Agent("a1").GetAsync()).Licensed);
    }

    [Fact]
    public async Task Initialize_Default_HasFiveLicences()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);

        var view = await h.Silo.GetGrain<IWorkspaceGrain>("fresh").InitializeAsync(new WorkspaceSetup("Fresh", new AgentProfile("boss", "fresh", "b@test", "Boss")));

        Assert.Equal(5, view.Licences);
        Assert.Equal(AgentRole.Admin, Assert.Single(view.Agents).Role);
    }

    [Fact]
    public async Task Initialize_Twice_RefusedAsExisting()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Workspace.InitializeAsync(new WorkspaceSetup("Again", new AgentProfile("x", "ws", "x@test", "X"))));

        Assert.Equal(DomainErrors.WorkspaceExists, error.Code);
    }

    [Fact]
    public async Task SetLicenceCount_BelowLicensedAgents_Refused()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 3);

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Workspace.SetLicenceCountAsync(GrainsHarness.AdminId, 2));

        Assert.Equal(DomainErrors.LicencesExhausted, error.Code);
        Assert.Contains("3 agents", error.Message);
    }

    [Fact]
    public async Task UpsertSite_ByNonAdmin_RefusedAsForbidden()
    {
        await using var h = await GrainsHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Workspace.UpsertSiteAsync("a1", new SiteConfig("s", "S", [])));

        Assert.Equal(DomainErrors.Forbidden, error.Code);
        Assert.Contains("a1", error.Message);
    }

    [Fact]
    public async Task UpdateSettings_ZeroSla_RefusedNamingTheField()
    {
        await using var h = await GrainsHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Workspace.UpdateSettingsAsync(GrainsHarness.AdminId, new WorkspaceSettings(SlaSeconds: 0)));

        Assert.Equal(DomainErrors.InvalidArgument, error.Code);
        Assert.Contains("slaSeconds", error.Message);
    }

    [Fact]
    public async Task UpsertTeam_UnknownMember_RefusedNamingTheAgent()
    {
        await using var h = await GrainsHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Workspace.UpsertTeamAsync(GrainsHarness.AdminId, new TeamConfig("t", "T", ["ghost"])));

        Assert.Equal(DomainErrors.AgentUnknown, error.Code);
        Assert.Contains("ghost", error.Message);
    }

    [Fact]
    public async Task CreateMonitored_BySupervisor_StartsAStronglyMonitoredConversationWithALink()
    {
        await using var h = await GrainsHarness.StartAsync();
        await h.AddAgentAsync("boss", role: AgentRole.Supervisor);

        var monitored = await h.Workspace.CreateMonitoredAsync(new CreateMonitored("boss", GrainsHarness.BotSite, "Bot master", "bm@test", Strong: true));

        Assert.Equal($"/monitor/{monitored.ConversationId}", monitored.Link);
        Assert.Contains(monitored.Link, monitored.MailBody);
        var summary = await h.Conversation(monitored.ConversationId).GetSummaryAsync(null);
        Assert.Equal(MonitoringMode.Strong, summary.Monitored);
        Assert.Equal(ConversationStatus.Bot, summary.Status);
    }

    [Fact]
    public async Task CreateMonitored_ByPlainAgent_RefusedAsForbidden()
    {
        await using var h = await GrainsHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Workspace.CreateMonitoredAsync(new CreateMonitored("a1", GrainsHarness.BotSite, "X", "x@test", Strong: false)));

        Assert.Equal(DomainErrors.Forbidden, error.Code);
    }
}
