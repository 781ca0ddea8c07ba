using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Assistant;

/// <summary>The assistant grain on a real silo: draft against published, numbered versions, rollback, and
/// state that survives a restart and a failed write.</summary>
public sealed class AssistantGrainTests
{
    private const string Id = "shop";

    [Fact]
    public async Task PublishThenEditDraft_SiloRestart_VersionsDraftAndDirectoryKept()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        var grain = Assistant(h);
        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "v1"));
        await grain.PublishAsync("admin");
        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "draft"));

        await h.Silo.RestartAsync();

        var view = await Assistant(h).GetAsync();
        Assert.NotNull(view);
        Assert.Equal(1, view.CurrentVersion);
        Assert.True(view.Active);
        Assert.Contains("draft", view.DraftYaml, StringComparison.Ordinal);
        Assert.Equal(["en", "fr"], view.Languages);
        Assert.Equal("admin", Assert.Single(view.Versions).PublishedBy);
        Assert.Contains("\"v1\"", (await Assistant(h).GetVersionAsync(1))!.Yaml, StringComparison.Ordinal);
        Assert.Equal([Id], await h.Silo.GetGrain<IAssistantDirectoryGrain>(GrainsHarness.WorkspaceId).ListAsync());
    }

    [Fact]
    public async Task SaveDraftAsync_AfterPublish_PublishedVersionUnchanged()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        var grain = Assistant(h);
        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "v1"));
        var published = await grain.PublishAsync(null);

        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "v2"));

        Assert.Equal(published.Number, await grain.GetPublishedNumberAsync());
        Assert.Contains("\"v1\"", (await grain.GetVersionAsync(published.Number))!.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_StorageWriteFails_NothingPublishedAndNoNumberSkipped()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        var grain = Assistant(h);
        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "v1"));
        await grain.PublishAsync(null);
        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "v2"));

        h.Silo.Storage.FailingState = "assistant";
        await Assert.ThrowsAnyAsync<Exception>(() => grain.PublishAsync(null));
        h.Silo.Storage.FailingState = null;

        var view = await grain.GetAsync();
        Assert.Equal(1, view!.CurrentVersion);
        Assert.Single(view.Versions);
        var next = await grain.PublishAsync(null);
        Assert.Equal(2, next.Number);
        Assert.Contains("\"v2\"", next.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_Concurrent_EachGetsItsOwnNumber()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        var grain = Assistant(h);
        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "v1"));

        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => grain.PublishAsync(null)));

        Assert.Equal(Enumerable.Range(1, 8), versions.Select(v => v.Number).Order());
        Assert.Equal(8, await grain.GetPublishedNumberAsync());
    }

    [Fact]
    public async Task RollbackAsync_AfterTwoPublishes_RepublishesThePreviousDefinitionAsTheNextNumber()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        var grain = Assistant(h);
        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "v1"));
        await grain.PublishAsync(null);
        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "v2"));
        await grain.PublishAsync(null);

        var rolledBack = await grain.RollbackAsync("admin");

        Assert.Equal(3, rolledBack.Number);
        Assert.Equal(2, rolledBack.RolledBackFrom);
        Assert.Contains("\"v1\"", rolledBack.Yaml, StringComparison.Ordinal);
        Assert.Equal(3, await grain.GetPublishedNumberAsync());
        Assert.Contains("\"v2\"", (await grain.GetAsync())!.DraftYaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackAsync_OneVersion_RefusedAsInvalidTransition()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        var grain = Assistant(h);
        await grain.SaveDraftAsync(AssistantYamls.Of(Id, "v1"));
        await grain.PublishAsync(null);

        var error = await Assert.ThrowsAsync<DomainException>(() => grain.RollbackAsync(null));

        Assert.Equal(DomainErrors.InvalidTransition, error.Code);
        Assert.Equal(1, await grain.GetPublishedNumberAsync());
    }

    [Fact]
    public async Task SaveDraftAsync_OtherIdOrInvalidYaml_RefusedNamingTheField()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);

        var otherId = await Assert.ThrowsAsync<DomainException>(() => Assistant(h).SaveDraftAsync(AssistantYamls.Of("other", "v1")));
        var invalid = await Assert.ThrowsAsync<DomainException>(() => Assistant(h).SaveDraftAsync("id: shop\nsteps: 3"));

        Assert.Equal(DomainErrors.InvalidArgument, otherId.Code);
        Assert.StartsWith("id:", otherId.Message, StringComparison.Ordinal);
        Assert.Equal(DomainErrors.InvalidArgument, invalid.Code);
        Assert.Null(await Assistant(h).GetAsync());
        Assert.Empty(await h.Silo.GetGrain<IAssistantDirectoryGrain>(GrainsHarness.WorkspaceId).ListAsync());
    }

    private static IAssistantGrain Assistant(GrainsHarness h) => h.Silo.GetGrain<IAssistantGrain>(AssistantKeys.Of(GrainsHarness.WorkspaceId, Id));
}
