using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.Notifications;

public sealed class NotificationMailTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Handoff_EmailNotificationsOn_MailsEveryLicensedAgentIntoTheOutbox()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var settings = await admin.PutAsJsonAsync("/api/settings", new { emailNotifications = true });
        await ApiJson.ReadAsync(settings, HttpStatusCode.OK);

        var (conversationId, _) = await server.StartConversationAsync(waiting: true);

        var mails = await WaitForMailsAsync(admin, m => m.GetProperty("conversationId").GetString() == conversationId && m.GetProperty("kind").GetString() == "handoff", 2);
        var recipients = mails.SelectMany(m => m.GetProperty("to").EnumerateArray().Select(t => t.GetString())).ToList();
        Assert.Contains("agent1@demo.test", recipients);
        Assert.Contains("agent2@demo.test", recipients);
        Assert.All(mails, m => Assert.Contains($"#/conversations/{conversationId}", m.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.All(mails, m => Assert.StartsWith("A customer is waiting", m.GetProperty("subject").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outbox_AsAgent_Returns403()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.GetAsync(new Uri("/api/outbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Outbox_BadLimit_Returns400NamingIt()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.GetAsync(new Uri("/api/outbox?limit=0", UriKind.Relative));

        await ApiJson.AssertInvalidAsync(response, "limit");
    }

    private static async Task<IReadOnlyList<JsonElement>> WaitForMailsAsync(HttpClient admin, Func<JsonElement, bool> match, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var outbox = await ApiJson.GetAsync(admin, "/api/outbox");
            Assert.Equal("pickup", outbox.GetProperty("transport").GetString());
            var found = outbox.GetProperty("mails").EnumerateArray().Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(found.Count >= count, $"Expected {count} mails, found {found.Count}: {outbox}");
                return found;
            }

            await Task.Delay(100);
        }
    }
}
