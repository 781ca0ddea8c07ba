using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Hubs.Console;
using Conversations.Testing.SignalR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Hubs;

public sealed class HubSecurityTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private IGrainFactory Grains => server.Services.GetRequiredService<IGrainFactory>();

    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task Send_AnotherVisitorsConversation_RefusedAndNothingStored(HubClientProtocol protocol)
    {
        var (owner, ownerStart) = await HubSessions.StartAsync(server, protocol);
        await using var _ = owner;
        var (intruder, _) = await HubSessions.StartAsync(server, protocol);
        await using var __ = intruder;
        var conversationId = ownerStart.ConversationId;

        var error = await Assert.ThrowsAsync<HubInvocationException>(() =>
            intruder.InvokeAsync<Message>("send", new { conversationId, clientMessageId = "x", text = "intrusion" }));
        var history = await owner.InvokeAsync<Message[]>("history", new { conversationId });

        Assert.Contains("not_owner", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(history, m => m.Text == "intrusion");
        await Assert.ThrowsAsync<HubInvocationException>(() => intruder.InvokeAsync<Message[]>("history", new { conversationId }));
    }

    [Fact]
    public async Task Start_TamperedVisitorToken_Refused()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        var token = start.Id("visitorToken");
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        var error = await Assert.ThrowsAsync<HubInvocationException>(() =>
            widget.InvokeAsync<JsonElement>("start", new { siteId = "demo", visitorToken = tampered }));

        Assert.Contains("visitorToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_FrameOver32KB_ConnectionClosedAndNothingStored()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        var oversized = new string('x', 40 * 1024);

        await widget.SendAsync("send", new { conversationId = start.Id(), clientMessageId = "big", text = oversized });
        await widget.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await widget.DisposeAsync();

        var (resumed, again) = await HubSessions.WidgetAsync(server, new { siteId = "demo", visitorToken = start.Id("visitorToken") });
        await using var _ = resumed;
        Assert.DoesNotContain(again.GetProperty("messages").EnumerateArray(), m => m.GetProperty("clientMessageId").GetString() == "big");
    }

    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task Send_TextOver4000Characters_RefusedNamingTheField(HubClientProtocol protocol)
    {
        var (widget, start) = await HubSessions.StartAsync(server, protocol);
        await using var _ = widget;

        var error = await Assert.ThrowsAsync<HubInvocationException>(() =>
            widget.InvokeAsync<Message>("send", new { conversationId = start.ConversationId, clientMessageId = "long", text = new string('y', 4_001) }));

        Assert.Contains("invalid_argument: text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_ScoreOutOfRange_RefusedNamingTheField()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync("rate", new { conversationId = start.Id(), score = 6 }));

        Assert.Contains("score", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_AgentNotAllowedOnSite_RefusedAndNoEventsOfThatSite()
    {
        await CreateAgentAsync("restricted", "restricted@demo.test", ["elsewhere"]);
        await using var restricted = await HubSessions.ConsoleAsync(server, "restricted@demo.test");
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        await widget.InvokeAsync<JsonElement>("send", new { conversationId = start.Id(), clientMessageId = "m", text = "hello there" });

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => restricted.InvokeAsync<JsonElement>("take", new { conversationId = start.Id() }));

        Assert.Contains("agent_not_allowed_on_site", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => restricted.WaitForAsync<JsonElement>("message", timeout: TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<TimeoutException>(() => restricted.WaitForAsync<JsonElement>("conversation", timeout: TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Console_Anonymous_NegotiateRefusedWith401()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => server.ConnectHubAsync("/hubs/console"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Start_DisallowedOrigin_Refused()
    {
        var evil = new HubClientOptions { Headers = new Dictionary<string, string> { ["Origin"] = "http://evil.example" } };
        var allowed = new HubClientOptions { Headers = new Dictionary<string, string> { ["Origin"] = "http://localhost:5080" } };

        await using var refused = await server.ConnectHubAsync("/hubs/widget", evil);
        var error = await Assert.ThrowsAsync<HubInvocationException>(() => refused.InvokeAsync<JsonElement>("start", new { siteId = "demo" }));
        var (accepted, start) = await HubSessions.WidgetAsync(server, options: allowed);
        await using var _ = accepted;

        Assert.Contains("forbidden", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(start.Id()));
    }

    [Fact]
    public async Task Start_IdentityWithBadOrMissingHash_Refused()
    {
        const string secret = "site-secret";
        await Grains.GetGrain<IWorkspaceGrain>("demo").UpsertSiteAsync("admin", new SiteConfig("secure", "Secure", [], IdentitySecret: secret));
        await using var widget = await server.ConnectHubAsync("/hubs/widget");
        var good = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("user-1")));

        var bad = await Assert.ThrowsAsync<HubInvocationException>(() =>
            widget.InvokeAsync<JsonElement>("start", new { siteId = "secure", identity = new { userId = "user-1", hash = new string('0', 64) } }));
        var missing = await Assert.ThrowsAsync<HubInvocationException>(() =>
            widget.InvokeAsync<JsonElement>("start", new { siteId = "secure", identity = new { userId = "user-1" } }));
        var verified = await widget.InvokeAsync<JsonElement>("start", new { siteId = "secure", identity = new { userId = "user-1", hash = good } });

        Assert.Contains("forbidden", bad.Message, StringComparison.Ordinal);
        Assert.Contains("identity.hash", missing.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(verified.Id()));
    }

    [Fact]
    public async Task Typing_TooManyInvocations_RateLimitExceeded()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        var calls = Enumerable.Range(0, 120).Select(i => widget.InvokeAsync("typing", new { conversationId = start.Id(), isTyping = i % 2 == 0 })).ToList();
        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                await call;
                return null;
            }
            catch (HubInvocationException e)
            {
                return e.Message;
            }
        }));

        Assert.Contains(outcomes, message => message?.Contains("rate limit exceeded", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task DisconnectAgent_Revoked_ConsoleConnectionClosed()
    {
        await CreateAgentAsync("revoked", "revoked@demo.test", null);
        var console = await HubSessions.ConsoleAsync(server, "revoked@demo.test");
        await using var _ = console;

        await Grains.GetGrain<IAccountGrain>("revoked@demo.test").SetActiveAsync(false);
        var closed = await server.Services.GetRequiredService<AgentConnections>().DisconnectAsync("revoked");

        Assert.Equal(1, closed);
        await console.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<HttpRequestException>(() => server.ConnectHubAsync("/hubs/console", new HubClientOptions { Cookies = new CookieContainer() }));
    }

    private async Task CreateAgentAsync(string id, string email, IReadOnlyList<string>? sites)
    {
        var workspace = Grains.GetGrain<IWorkspaceGrain>("demo");
        if (sites is not null)
        {
            foreach (var site in sites)
            {
                await workspace.UpsertSiteAsync("admin", new SiteConfig(site, site, []));
            }
        }

        await workspace.SetLicenceCountAsync("admin", 10);
        await workspace.UpsertAgentAsync("admin", new AgentProfile(id, "demo", email, id, AllowedSiteIds: sites));
        await workspace.SetLicenceAsync("admin", id, licensed: true);
        var hasher = server.Services.GetRequiredService<IPasswordHasher<AccountView>>();
        await Grains.GetGrain<IAccountGrain>(email).SetAsync(id, "demo", hasher.HashPassword(null!, HubSessions.Password));
    }
}
