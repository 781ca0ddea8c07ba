using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Seed;

namespace Conversations.Server.Tests.Api;

public sealed class ConversationEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task List_LiveView_ContainsWaitingConversationWithContractShape()
    {
        var (id, contactId) = await server.StartConversationAsync(text: "Bonjour");
        using var agent = await server.SignInAsync("agent1@demo.test");

        var page = await ApiJson.GetAsync(agent, "/api/conversations?view=live&filter=all&limit=100");

        var item = Find(page, id);
        Assert.Equal("waiting", item.GetProperty("status").GetString());
        Assert.Equal(ApiServer.ManualSite, item.GetProperty("siteId").GetString());
        Assert.Equal(contactId, item.GetProperty("contact").GetProperty("id").GetString());
        Assert.True(item.GetProperty("contact").TryGetProperty("online", out _));
        Assert.Equal("none", item.GetProperty("monitored").GetString());
        Assert.Equal(0, item.GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task List_FiltersMineUnassignedUnread_FollowTheAskingAgent()
    {
        var (id, contactId) = await server.StartConversationAsync();
        await server.Grains.GetGrain<IAgentGrain>(DemoSeed.Agent1Id).SetStatusAsync(AgentStatus.Online);
        using var agent1 = await server.SignInAsync("agent1@demo.test");
        using var agent2 = await server.SignInAsync("agent2@demo.test");
        Assert.True(Contains(await ApiJson.GetAsync(agent1, "/api/conversations?filter=unassigned&limit=100"), id));

        await server.Grains.GetGrain<IConversationGrain>(id).TakeAsync(DemoSeed.Agent1Id);
        await server.Grains.GetGrain<IContactGrain>(contactId).SendAsync(new ContactMessage(id, "m-after-take", "Are you there?"));

        Assert.False(Contains(await ApiJson.GetAsync(agent1, "/api/conversations?filter=unassigned&limit=100"), id));
        Assert.True(Contains(await ApiJson.GetAsync(agent1, "/api/conversations?filter=mine&limit=100"), id));
        Assert.False(Contains(await ApiJson.GetAsync(agent2, "/api/conversations?filter=mine&limit=100"), id));
        var unread = await ApiJson.GetAsync(agent1, "/api/conversations?filter=unread&limit=100");
        Assert.True(Find(unread, id).GetProperty("unread").GetInt32() >= 1);
        Assert.False(Contains(await ApiJson.GetAsync(agent2, "/api/conversations?filter=unread&limit=100"), id));
    }

    [Fact]
    public async Task List_BotView_OnlyForAgentsShowingBotConversationsOrSupervisors()
    {
        var (id, _) = await server.StartConversationAsync(waiting: false);
        using var agent = await server.SignInAsync("agent1@demo.test");
        using var admin = await server.SignInAsync("admin@demo.test");

        using var refused = await agent.GetAsync(new Uri("/api/conversations?view=bot", UriKind.Relative));
        var page = await ApiJson.GetAsync(admin, "/api/conversations?view=bot&limit=100");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("bot", Find(page, id).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("view=open", "view")]
    [InlineData("filter=everything", "filter")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task List_InvalidParameter_Returns400NamingIt(string query, string field)
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.GetAsync(new Uri($"/api/conversations?{query}", UriKind.Relative));

        await ApiJson.AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task List_LimitOne_PagesWithCursor()
    {
        await server.StartConversationAsync();
        await server.StartConversationAsync();
        using var agent = await server.SignInAsync("agent1@demo.test");

        var first = await ApiJson.GetAsync(agent, "/api/conversations?limit=1");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await ApiJson.GetAsync(agent, $"/api/conversations?limit=1&cursor={Uri.EscapeDataString(cursor!)}");

        Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.NotEqual(Ids(first).Single(), Ids(second).Single());
    }

    [Fact]
    public async Task List_Search_MatchesContactNameCaseInsensitively()
    {
        var contactId = $"contact-{Guid.NewGuid():N}";
        var contact = server.Grains.GetGrain<IContactGrain>(contactId);
        await contact.UpdateAsync(new ContactProfileUpdate(DisplayName: "Zebra Fortytwo"));
        var (id, _) = await server.StartConversationAsync();
        var zebra = (await contact.StartAsync(new ContactStart(DemoSeed.WorkspaceId, DemoSeed.SiteId))).ConversationId;
        using var admin = await server.SignInAsync("admin@demo.test");

        var found = await ApiJson.GetAsync(admin, "/api/conversations?view=bot&q=zebra%20FORTY&limit=100");

        Assert.Equal([zebra], Ids(found));
        Assert.DoesNotContain(id, Ids(found));
    }

    [Fact]
    public async Task Detail_ReturnsVariablesAndParticipants()
    {
        var (id, _) = await server.StartConversationAsync(variables: new Dictionary<string, string> { ["plan"] = "gold" });
        await server.Grains.GetGrain<IAgentGrain>(DemoSeed.Agent2Id).SetStatusAsync(AgentStatus.Online);
        await server.Grains.GetGrain<IConversationGrain>(id).TakeAsync(DemoSeed.Agent2Id);
        using var agent = await server.SignInAsync("agent1@demo.test");

        var detail = await ApiJson.GetAsync(agent, $"/api/conversations/{id}");

        Assert.Equal(id, detail.GetProperty("id").GetString());
        Assert.Equal("live", detail.GetProperty("status").GetString());
        Assert.Equal("gold", detail.GetProperty("contact").GetProperty("variables").GetProperty("plan").GetString());
        var participant = Assert.Single(detail.GetProperty("participants").EnumerateArray());
        Assert.Equal(DemoSeed.Agent2Id, participant.GetProperty("id").GetString());
        Assert.Equal("Agent 2", participant.GetProperty("name").GetString());
        Assert.Equal(DemoSeed.Agent2Id, detail.GetProperty("assignedAgent").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Detail_UnknownConversation_Returns404()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.GetAsync(new Uri("/api/conversations/no-such-conversation", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Detail_OtherWorkspace_Returns404AndListsDoNotShowIt()
    {
        var (id, _) = await server.StartConversationAsync();
        using var stranger = await server.SignInAsync(await server.CreateOtherWorkspaceAsync("acme"));

        using var detail = await stranger.GetAsync(new Uri($"/api/conversations/{id}", UriKind.Relative));
        using var messages = await stranger.GetAsync(new Uri($"/api/conversations/{id}/messages", UriKind.Relative));
        var page = await ApiJson.GetAsync(stranger, "/api/conversations?limit=100");

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, messages.StatusCode);
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task SiteRestrictedAgent_DoesNotSeeOtherSites()
    {
        var (id, _) = await server.StartConversationAsync();
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/agents", new
        {
            email = "demo-only@demo.test",
            password = ApiServer.Password,
            displayName = "Demo only",
            role = "agent",
            allowedSiteIds = new[] { DemoSeed.SiteId },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var restricted = await server.SignInAsync("demo-only@demo.test");

        var page = await ApiJson.GetAsync(restricted, "/api/conversations?limit=100");
        using var detail = await restricted.GetAsync(new Uri($"/api/conversations/{id}", UriKind.Relative));
        using var bySite = await restricted.GetAsync(new Uri($"/api/conversations?siteId={ApiServer.ManualSite}", UriKind.Relative));

        Assert.False(Contains(page, id));
        Assert.Equal(HttpStatusCode.Forbidden, detail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySite.StatusCode);
    }

    [Fact]
    public async Task Messages_IncludeCustomerTextAndNotes()
    {
        var (id, _) = await server.StartConversationAsync(text: "I need help");
        await server.Grains.GetGrain<IAgentGrain>(DemoSeed.Agent1Id).SetStatusAsync(AgentStatus.Online);
        var conversation = server.Grains.GetGrain<IConversationGrain>(id);
        await conversation.TakeAsync(DemoSeed.Agent1Id);
        await conversation.NoteAsync(new AgentMessage(DemoSeed.Agent1Id, "note-1", "VIP customer"));
        using var agent = await server.SignInAsync("agent1@demo.test");

        var messages = await ApiJson.GetAsync(agent, $"/api/conversations/{id}/messages?limit=100");
        var older = await ApiJson.GetAsync(agent, $"/api/conversations/{id}/messages?beforeSeq=2&limit=100");

        var all = messages.EnumerateArray().ToList();
        Assert.Contains(all, m => m.GetProperty("kind").GetString() == "note" && m.GetProperty("text").GetString() == "VIP customer");
        Assert.Contains(all, m => m.GetProperty("author").GetProperty("kind").GetString() == "customer" && m.GetProperty("text").GetString() == "I need help");
        Assert.All(older.EnumerateArray(), m => Assert.True(m.GetProperty("seq").GetInt64() < 2));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=500", "limit")]
    [InlineData("beforeSeq=abc", "beforeSeq")]
    [InlineData("beforeSeq=0", "beforeSeq")]
    public async Task Messages_InvalidParameter_Returns400NamingIt(string query, string field)
    {
        var (id, _) = await server.StartConversationAsync();
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.GetAsync(new Uri($"/api/conversations/{id}/messages?{query}", UriKind.Relative));

        await ApiJson.AssertInvalidAsync(response, field);
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private static bool Contains(JsonElement page, string id) => Ids(page).Contains(id);

    private static JsonElement Find(JsonElement page, string id) =>
        page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
}
