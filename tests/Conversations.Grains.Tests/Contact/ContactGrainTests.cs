using System.Security.Cryptography;
using System.Text;
using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Contact;

public sealed class ContactGrainTests
{
    [Fact]
    public async Task Start_ConcurrentCallsForOneContact_GiveOneConversation()
    {
        await using var h = await GrainsHarness.StartAsync();

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            h.Contact("c1").StartAsync(new ContactStart(GrainsHarness.WorkspaceId, GrainsHarness.BotSite, "token")))));

        Assert.Single(snapshots.Select(s => s.ConversationId).Distinct());
        Assert.Single((await h.Contact("c1").GetAsync()).ConversationIds);
    }

    [Fact]
    public async Task Start_Again_ResumesTheOpenConversation()
    {
        await using var h = await GrainsHarness.StartAsync();
        var first = await h.StartAsync("c1", GrainsHarness.BotSite);

        var again = await h.StartAsync("c1", GrainsHarness.BotSite);

        Assert.Equal(first.ConversationId, again.ConversationId);
    }

    [Fact]
    public async Task Start_AfterClose_StartsANewConversation()
    {
        await using var h = await GrainsHarness.StartAsync();
        var first = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(first).CloseAsync("a1");

        var again = await h.StartAsync("c1", GrainsHarness.OtherSite);

        Assert.NotEqual(first, again.ConversationId);
    }

    [Fact]
    public async Task Start_UnknownSite_RefusedNamingTheSite()
    {
        await using var h = await GrainsHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Contact("c1").StartAsync(new ContactStart(GrainsHarness.WorkspaceId, "nowhere")));

        Assert.Equal(DomainErrors.SiteUnknown, error.Code);
        Assert.Contains("nowhere", error.Message);
    }

    [Fact]
    public async Task Start_IdentityHashVerifies_ContactIsVerified()
    {
        await using var h = await GrainsHarness.StartAsync();
        await h.Workspace.UpsertSiteAsync(GrainsHarness.AdminId, new SiteConfig(GrainsHarness.BotSite, "Bot", [], IdentitySecret: "s3cret", AssistantId: "assistant"));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes("user-42")));

        await h.Contact("c1").StartAsync(new ContactStart(GrainsHarness.WorkspaceId, GrainsHarness.BotSite, Identity: new VerifiedIdentity("user-42", hash, "u@test", "Ursula")));

        var contact = await h.Contact("c1").GetAsync();
        Assert.Equal("user-42", contact.VerifiedUserId);
        Assert.Equal("Ursula", contact.DisplayName);
    }

    [Fact]
    public async Task Start_IdentityHashWrong_RefusedAsForbidden()
    {
        await using var h = await GrainsHarness.StartAsync();
        await h.Workspace.UpsertSiteAsync(GrainsHarness.AdminId, new SiteConfig(GrainsHarness.BotSite, "Bot", [], IdentitySecret: "s3cret", AssistantId: "assistant"));

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Contact("c1").StartAsync(new ContactStart(GrainsHarness.WorkspaceId, GrainsHarness.BotSite, Identity: new VerifiedIdentity("user-42", "00ff"))));

        Assert.Equal(DomainErrors.Forbidden, error.Code);
        Assert.Contains("user-42", error.Message);
    }

    [Fact]
    public async Task Start_AnonymousVisitor_GetsAPseudonym()
    {
        await using var h = await GrainsHarness.StartAsync();

        await h.StartAsync("c1", GrainsHarness.BotSite);

        Assert.Matches("^Visitor [0-9]{4}$", (await h.Contact("c1").GetAsync()).DisplayName);
    }

    [Fact]
    public async Task ReceiveInbound_SameProviderIdTwice_StoresOnceAndAnswersDuplicate()
    {
        await using var h = await GrainsHarness.StartAsync();
        var inbound = new InboundMessage(GrainsHarness.WorkspaceId, GrainsHarness.Channel, "wamid-1", "+33600000000", "Zoé", "fr", "bonjour");

        var first = await h.Contact("api:+33600000000").ReceiveInboundAsync(inbound);
        var again = await h.Contact("api:+33600000000").ReceiveInboundAsync(inbound);

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Message, again.Message);
        Assert.Single(h.MessageLog.All(first.ConversationId), m => m.Text == "bonjour");
        Assert.Equal(ConversationStatus.Bot, await h.StatusAsync(first.ConversationId));
    }

    [Fact]
    public async Task Connected_FirstAndLastConnection_PublishPresenceOnce()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        await h.Contact("c1").ConnectedAsync();
        await h.Contact("c1").ConnectedAsync();
        await h.Silo.WaitForIdleAsync();
        Assert.True((await h.Conversation(id).GetSummaryAsync(null)).Contact.Online);
        await h.Contact("c1").DisconnectedAsync();
        await h.Contact("c1").DisconnectedAsync();
        await h.Silo.WaitForIdleAsync();

        Assert.Equal([true, false], h.Events.Of<ContactPresenceChanged>().Select(e => e.Online));
        Assert.False((await h.Conversation(id).GetSummaryAsync(null)).Contact.Online);
    }
}
