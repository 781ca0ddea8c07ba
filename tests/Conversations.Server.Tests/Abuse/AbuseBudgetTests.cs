using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Conversations.Server.Abuse;
using Conversations.Server.Tests.Hubs;
using Conversations.Testing.SignalR;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Tests.Abuse;

public sealed class AbuseBudgetTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Connect_MoreWidgetsThanTheAddressBudget_ExtraClosedUntilOneLeaves()
    {
        await using var server = new AbuseServer();
        var open = new List<HubClient>();
        for (var i = 0; i < 3; i++)
        {
            open.Add(await AdmittedAsync(server, "/hubs/widget"));
        }

        await using var extra = await server.ConnectHubAsync("/hubs/widget");
        var closed = await extra.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await open[0].DisposeAsync();
        await using var after = await AdmittedOnceReleasedAsync(server, "/hubs/widget");
        var started = await after.InvokeAsync<JsonElement>("start", new { siteId = "demo" });

        Assert.Contains("rate_limited", closed?.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, started.ValueKind);
        foreach (var client in open.Skip(1))
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_MoreThanTheAddressBudget_RateLimitedWithRetryAfter()
    {
        await using var server = new AbuseServer();
        await using var widget = await server.ConnectHubAsync("/hubs/widget");
        for (var i = 0; i < 4; i++)
        {
            await widget.InvokeAsync<JsonElement>("start", new { siteId = "demo" });
        }

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<JsonElement>("start", new { siteId = "demo" }));

        Assert.Contains("rate_limited: too many start calls from this address; retry after ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAgent_MoreThanTheAddressBudget_RateLimited()
    {
        await using var server = new AbuseServer();
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        await widget.InvokeAsync<JsonElement>("requestAgent", new { conversationId = start.Id() });
        await widget.InvokeAsync<JsonElement>("requestAgent", new { conversationId = start.Id() });

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<JsonElement>("requestAgent", new { conversationId = start.Id() }));

        Assert.Contains("rate_limited: too many requestAgent calls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverCountOrBytesBudget_Returns429WithRetryAfter()
    {
        await using var server = new AbuseServer();
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        var (other, otherStart) = await HubSessions.WidgetAsync(server);
        await using var __ = other;
        using var http = server.CreateHttpClient();

        // One visitor: three small uploads pass, the fourth is over the count.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await UploadAsync(http, start.Id("visitorToken"), Png);
            statuses.Add(response.StatusCode);
        }

        // Another visitor: one 3 KB image spends its whole 2,000-byte budget, so the next is refused.
        using var large = await UploadAsync(http, otherStart.Id("visitorToken"), [.. Png, .. new byte[3_000]]);
        using var refused = await UploadAsync(http, otherStart.Id("visitorToken"), Png);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Connect_MoreConsolesThanTheAgentBudget_ExtraClosed()
    {
        await using var server = new AbuseServer();
        var cookies = await HubSessions.LoginAsync(server, "agent1@demo.test");
        await using var first = await AdmittedAsync(server, "/hubs/console", new HubClientOptions { Cookies = cookies });
        await using var second = await AdmittedAsync(server, "/hubs/console", new HubClientOptions { Cookies = cookies });

        await using var third = await server.ConnectHubAsync("/hubs/console", new HubClientOptions { Cookies = cookies });
        var closed = await third.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("rate_limited", closed?.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.True(first.IsConnected);
    }

    [Fact]
    public void Start_MoreThanTheSiteBudgetFromManyAddresses_Refused()
    {
        using var budgets = new AbuseBudgets(Options.Create(new AbuseOptions { StartsPerSite = 3, StartsPerAddress = 100 }));

        var refusals = Enumerable.Range(0, 5).Select(i => budgets.Start($"10.0.0.{i}", "demo")).ToList();

        Assert.All(refusals.Take(3), Assert.Null);
        Assert.All(refusals.Skip(3), r => Assert.Contains("start calls on site 'demo'", r!.Message, StringComparison.Ordinal));
        Assert.Null(budgets.Start("10.0.0.9", "other-site"));
    }

    /// <summary>Connects and waits until the server has run <c>OnConnectedAsync</c>, where the connection budget is
    /// taken. SignalR completes the handshake before it and dispatches invocations only after it, so one round trip
    /// (to a method that does not exist, which has no effect) proves this connection holds its lease; without it, the
    /// next connection's lease could be taken first and the wrong one refused.</summary>
    private static async Task<HubClient> AdmittedAsync(AbuseServer server, string path, HubClientOptions? options = null)
    {
        var client = await server.ConnectHubAsync(path, options);
        try
        {
            var error = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("noSuchMethod", null));
            Assert.Contains("noSuchMethod", error.Message, StringComparison.OrdinalIgnoreCase);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connects until a connection is admitted: the server releases a closed connection's lease when it has
    /// processed the close, a moment after the client's dispose returns.</summary>
    private static async Task<HubClient> AdmittedOnceReleasedAsync(AbuseServer server, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return await AdmittedAsync(server, path);
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string visitorToken, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent { { file, "file", "a.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = form };
        request.Headers.Add("X-Visitor-Token", visitorToken);
        return await http.SendAsync(request);
    }
}
