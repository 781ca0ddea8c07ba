using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Directory;

public sealed class DirectoryGrainTests
{
    [Fact]
    public async Task UpsertSite_ThroughTheWorkspace_PublishesTheRouteForWidgets()
    {
        await using var harness = await GrainsHarness.StartAsync();

        var route = await harness.Silo.GetGrain<ISiteGrain>(GrainsHarness.BotSite).GetAsync();

        Assert.NotNull(route);
        Assert.Equal(GrainsHarness.WorkspaceId, route.WorkspaceId);
        Assert.Equal(GrainsHarness.BotSite, route.Site.Id);
    }

    [Fact]
    public async Task UpsertSite_IdHeldByAnotherWorkspace_IsRefusedAndLeavesTheOwnerUnchanged()
    {
        await using var harness = await GrainsHarness.StartAsync();
        var other = harness.Silo.GetGrain<IWorkspaceGrain>("other");
        await other.InitializeAsync(new WorkspaceSetup("Other", new AgentProfile("boss", "other", "boss@other.test", "Boss")));

        var error = await Assert.ThrowsAsync<DomainException>(() => other.UpsertSiteAsync("boss", new SiteConfig(GrainsHarness.BotSite, "Stolen", [])));

        Assert.Equal(DomainErrors.IdTaken, error.Code);
        Assert.Equal(GrainsHarness.WorkspaceId, (await harness.Silo.GetGrain<ISiteGrain>(GrainsHarness.BotSite).GetAsync())!.WorkspaceId);
    }

    [Fact]
    public async Task UpsertChannel_ThroughTheWorkspace_PublishesItsSecretForConnectors()
    {
        await using var harness = await GrainsHarness.StartAsync();

        var route = await harness.Silo.GetGrain<IChannelGrain>(GrainsHarness.Channel).GetAsync();

        Assert.NotNull(route);
        Assert.Equal(GrainsHarness.WorkspaceId, route.WorkspaceId);
        Assert.False(string.IsNullOrEmpty(route.Channel.Secret));
    }

    [Fact]
    public async Task UpsertSite_IdWithUnsafeCharacters_IsRefusedNamingTheField()
    {
        await using var harness = await GrainsHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => harness.Workspace.UpsertSiteAsync(GrainsHarness.AdminId, new SiteConfig("a/b", "Bad", [])));

        Assert.Equal(DomainErrors.InvalidArgument, error.Code);
        Assert.Contains("site.id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountSet_AddressOfAnotherAgent_IsRefused()
    {
        await using var harness = await GrainsHarness.StartAsync();
        var account = harness.Silo.GetGrain<IAccountGrain>("someone@ws.test");
        await account.SetAsync("a1", GrainsHarness.WorkspaceId, "hash-1");

        var error = await Assert.ThrowsAsync<DomainException>(() => account.SetAsync("a2", GrainsHarness.WorkspaceId, "hash-2"));

        Assert.Equal(DomainErrors.IdTaken, error.Code);
        Assert.Equal("a1", (await account.GetAsync())!.AgentId);
    }

    [Fact]
    public async Task AccountSetActive_Revoked_IsStoredAcrossRestart()
    {
        await using var harness = await GrainsHarness.StartAsync();
        var account = harness.Silo.GetGrain<IAccountGrain>("revoked@ws.test");
        await account.SetAsync("a1", GrainsHarness.WorkspaceId, "hash");

        await account.SetActiveAsync(false);
        await harness.Silo.RestartAsync();

        Assert.False((await harness.Silo.GetGrain<IAccountGrain>("revoked@ws.test").GetAsync())!.Active);
    }

    [Fact]
    public async Task AccountSet_Revoked_StaysRevokedAndRenewsTheStamp()
    {
        await using var harness = await GrainsHarness.StartAsync();
        var account = harness.Silo.GetGrain<IAccountGrain>("reset@ws.test");
        await account.SetAsync("a1", GrainsHarness.WorkspaceId, "hash-1");
        await account.SetActiveAsync(false);
        var revokedStamp = await account.GetSecurityStampAsync();

        var reset = await account.SetAsync("a1", GrainsHarness.WorkspaceId, "hash-2");

        Assert.False(reset.Active);
        Assert.NotEqual(revokedStamp, await account.GetSecurityStampAsync());
    }

    [Fact]
    public async Task RenewSecurityStamp_Twice_DiffersAndIsStoredAcrossRestart()
    {
        await using var harness = await GrainsHarness.StartAsync();
        var account = harness.Silo.GetGrain<IAccountGrain>("stamp@ws.test");
        await account.SetAsync("a1", GrainsHarness.WorkspaceId, "hash");

        var first = await account.RenewSecurityStampAsync();
        var second = await account.RenewSecurityStampAsync();
        await harness.Silo.RestartAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(second, await harness.Silo.GetGrain<IAccountGrain>("stamp@ws.test").GetSecurityStampAsync());
    }
}
