using System.Net;
using System.Net.Http.Json;
using Conversations.Contracts;
using Conversations.Server.Seed;

namespace Conversations.Server.Tests.Api;

public sealed class WorkspaceAdminTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Site_GeneratedIdentitySecret_IsAnsweredOnceThenOnlyFlagged()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var created = await admin.PostAsJsonAsync("/api/sites", new
        {
            id = "shop",
            name = "Shop",
            allowedOrigins = new[] { "https://shop.example.com/", "http://localhost:3000" },
            autoAssignment = false,
            pseudonymTemplate = "Guest {n}",
            reopenPolicy = "reopen",
            generateIdentitySecret = true,
        });
        var site = await ApiJson.ReadAsync(created, HttpStatusCode.Created);
        var read = await ApiJson.GetAsync(admin, "/api/sites/shop");
        var route = await server.Grains.GetGrain<ISiteGrain>("shop").GetAsync();

        Assert.Equal(64, site.GetProperty("identitySecret").GetString()!.Length);
        Assert.Equal(["https://shop.example.com", "http://localhost:3000"], read.GetProperty("allowedOrigins").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("reopen", read.GetProperty("reopenPolicy").GetString());
        Assert.False(read.GetProperty("autoAssignment").GetBoolean());
        Assert.True(read.GetProperty("hasIdentitySecret").GetBoolean());
        Assert.False(read.TryGetProperty("identitySecret", out _));
        Assert.Equal(site.GetProperty("identitySecret").GetString(), route!.Site.IdentitySecret);
    }

    [Fact]
    public async Task Site_Update_KeepsSecretUnlessCleared()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/sites", new { id = "blog", name = "Blog", identitySecret = "a-secret-of-enough-length" });
        await ApiJson.ReadAsync(created, HttpStatusCode.Created);

        using var renamed = await admin.PutAsJsonAsync("/api/sites/blog", new { name = "Blog 2" });
        var kept = await ApiJson.ReadAsync(renamed, HttpStatusCode.OK);
        using var cleared = await admin.PutAsJsonAsync("/api/sites/blog", new { name = "Blog 2", clearIdentitySecret = true });

        Assert.True(kept.GetProperty("hasIdentitySecret").GetBoolean());
        Assert.Equal("Blog 2", kept.GetProperty("name").GetString());
        Assert.False((await ApiJson.ReadAsync(cleared, HttpStatusCode.OK)).GetProperty("hasIdentitySecret").GetBoolean());
    }

    [Theory]
    [InlineData("""{ "id": "bad id!", "name": "X" }""", "id")]
    [InlineData("""{ "name": "" }""", "name")]
    [InlineData("""{ "name": "X", "allowedOrigins": ["https://x.example/path"] }""", "allowedOrigins")]
    [InlineData("""{ "name": "X", "allowedOrigins": ["ftp://x.example"] }""", "allowedOrigins")]
    [InlineData("""{ "name": "X", "reopenPolicy": "sometimes" }""", "reopenPolicy")]
    [InlineData("""{ "name": "X", "identitySecret": "short" }""", "identitySecret")]
    public async Task Site_BadField_Returns400NamingIt(string json, string field)
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.PostAsync(new Uri("/api/sites", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await ApiJson.AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task Site_ExistingId_Returns409()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.PostAsJsonAsync("/api/sites", new { id = DemoSeed.SiteId, name = "Again" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Channel_GeneratedSecret_IsAnsweredOnlyAtCreation()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var created = await admin.PostAsJsonAsync("/api/channels", new { id = "whatsapp", name = "WhatsApp", webhookUrl = "https://connector.example.com/hook" });
        var channel = await ApiJson.ReadAsync(created, HttpStatusCode.Created);
        var read = await ApiJson.GetAsync(admin, "/api/channels/whatsapp");
        var route = await server.Grains.GetGrain<IChannelGrain>("whatsapp").GetAsync();

        var secret = channel.GetProperty("secret").GetString();
        Assert.Equal(64, secret!.Length);
        Assert.Equal(secret, route!.Channel.Secret);
        Assert.Equal("https://connector.example.com/hook", read.GetProperty("webhookUrl").GetString());
        Assert.True(read.GetProperty("hasSecret").GetBoolean());
        Assert.False(read.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task Channel_RotateSecret_AnswersTheNewOne()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/channels", new { id = "sms", name = "SMS", secret = "a-chosen-secret-long-enough" });
        await ApiJson.ReadAsync(created, HttpStatusCode.Created);

        using var rotated = await admin.PutAsJsonAsync("/api/channels/sms", new { name = "SMS", rotateSecret = true });
        var channel = await ApiJson.ReadAsync(rotated, HttpStatusCode.OK);

        Assert.NotEqual("a-chosen-secret-long-enough", channel.GetProperty("secret").GetString());
        Assert.Equal(channel.GetProperty("secret").GetString(), (await server.Grains.GetGrain<IChannelGrain>("sms").GetAsync())!.Channel.Secret);
    }

    [Theory]
    [InlineData("""{ "name": "X", "webhookUrl": "ftp://files.example.com" }""", "webhookUrl")]
    [InlineData("""{ "name": "X", "webhookUrl": "not a url" }""", "webhookUrl")]
    [InlineData("""{ "name": "X", "secret": "short" }""", "secret")]
    [InlineData("""{ "webhookUrl": "https://x.example" }""", "name")]
    public async Task Channel_BadField_Returns400NamingIt(string json, string field)
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.PostAsync(new Uri("/api/channels", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await ApiJson.AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task Team_CreateAndUpdate_UnknownAgentIs400()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var created = await admin.PostAsJsonAsync("/api/teams", new { id = "billing", name = "Billing", agentIds = new[] { DemoSeed.Agent1Id } });
        using var unknown = await admin.PutAsJsonAsync("/api/teams/billing", new { name = "Billing", agentIds = new[] { "ghost" } });
        var teams = await ApiJson.GetAsync(admin, "/api/teams");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ApiJson.AssertInvalidAsync(unknown, "agentIds");
        var team = Assert.Single(teams.EnumerateArray());
        Assert.Equal([DemoSeed.Agent1Id], team.GetProperty("agentIds").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Settings_UpdateAndValidate()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var updated = await admin.PutAsJsonAsync("/api/settings", new { slaSeconds = 90, notifyOnHandoff = false });
        using var invalid = await admin.PutAsJsonAsync("/api/settings", new { slaSeconds = 0 });
        using var forbidden = await agent.PutAsJsonAsync("/api/settings", new { slaSeconds = 60 });
        var read = await ApiJson.GetAsync(agent, "/api/settings");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await ApiJson.AssertInvalidAsync(invalid, "slaSeconds");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(90, read.GetProperty("slaSeconds").GetInt32());
        Assert.False(read.GetProperty("notifyOnHandoff").GetBoolean());
        Assert.Equal(5, read.GetProperty("licences").GetInt32());
    }

    [Fact]
    public async Task NonAdmin_WritesAre403()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var site = await agent.PostAsJsonAsync("/api/sites", new { name = "X" });
        using var channel = await agent.PutAsJsonAsync($"/api/channels/{DemoSeed.ChannelId}", new { name = "X" });
        using var team = await agent.PostAsJsonAsync("/api/teams", new { name = "X" });

        Assert.Equal(HttpStatusCode.Forbidden, site.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, channel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, team.StatusCode);
    }

    [Fact]
    public async Task Analytics_CountsEventsByTypeForSupervisors()
    {
        var (id, contactId) = await server.StartConversationAsync(text: "count me");
        await server.Grains.GetGrain<IContactGrain>(contactId).SendAsync(new ContactMessage(id, "again", "and me"));
        using var admin = await server.SignInAsync("admin@demo.test");
        using var agent = await server.SignInAsync("agent1@demo.test");

        var counted = await WaitForCustomerMessagesAsync(admin);
        using var forbidden = await agent.GetAsync(new Uri("/api/analytics", UriKind.Relative));
        using var invalid = await admin.GetAsync(new Uri("/api/analytics?from=yesterday", UriKind.Relative));

        Assert.True(counted >= 2);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await ApiJson.AssertInvalidAsync(invalid, "from");
    }

    // Analytics are written in the background, so the count catches up shortly after the messages.
    private static async Task<long> WaitForCustomerMessagesAsync(HttpClient admin)
    {
        for (var attempt = 0; ; attempt++)
        {
            var summary = await ApiJson.GetAsync(admin, "/api/analytics");
            var count = summary.GetProperty("events").EnumerateArray()
                .Where(e => e.GetProperty("type").GetString() == "message.customer")
                .Select(e => e.GetProperty("count").GetInt64())
                .FirstOrDefault();
            if (count >= 2 || attempt == 50)
            {
                return count;
            }

            await Task.Delay(100);
        }
    }
}
