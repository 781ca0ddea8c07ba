using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Security;

public sealed class CrossSiteRequestGuardTests(EdgeServer server) : IClassFixture<EdgeServer>
{
    private static int s_addresses;
    [Fact]
    public async Task Console_ForeignOriginWithCookie_RefusedWith403()
    {
        var cookies = await SignInAsync("10.1.0.1");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => server.ConnectHubAsync("/hubs/console", Options(cookies, "http://evil.example")));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Console_ForeignOriginSkippingNegotiate_WebSocketRefused()
    {
        var cookies = await SignInAsync("10.1.0.2");
        var options = new HubClientOptions
        {
            Cookies = cookies,
            SkipNegotiation = true,
            Headers = new Dictionary<string, string> { ["Origin"] = "http://evil.example" },
        };

        await Assert.ThrowsAnyAsync<Exception>(() => server.ConnectHubAsync("/hubs/console", options));
    }

    [Fact]
    public async Task Console_OwnOrConfiguredOrigin_Connects()
    {
        var cookies = await SignInAsync("10.1.0.3");
        var own = server.BaseAddress.GetLeftPart(UriPartial.Authority);

        await using var fromOwn = await server.ConnectHubAsync("/hubs/console", Options(cookies, own));
        await using var fromConsole = await server.ConnectHubAsync("/hubs/console", Options(cookies, EdgeServer.ConsoleOrigin));
        await fromOwn.InvokeAsync("setStatus", new { status = "away" });
        await fromConsole.InvokeAsync("setStatus", new { status = "away" });
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task RestChange_CrossSiteWithCookie_Refused403AndNothingChanged(string header, string value)
    {
        var cookies = await SignInAsync(NextAddress(), AgentRole.Supervisor);
        using var http = server.CreateHttpClient(cookies);
        var title = $"cross-site-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/snippets") { Content = JsonContent.Create(new { shortcut = Shortcut(), title, text = "hijacked" }) };
        request.Headers.Add(header, value);

        using var response = await http.SendAsync(request);
        var snippets = await http.GetStringAsync(new Uri("/api/snippets", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross_site", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain(title, snippets, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Origin", "own")]
    [InlineData("Origin", EdgeServer.ConsoleOrigin)]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    public async Task RestChange_SameOriginOrProgram_Accepted(string? header, string? value)
    {
        var cookies = await SignInAsync(NextAddress(), AgentRole.Supervisor);
        using var http = server.CreateHttpClient(cookies);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/snippets") { Content = JsonContent.Create(new { shortcut = Shortcut(), text = "fine" }) };
        if (header is not null)
        {
            request.Headers.Add(header, value == "own" ? server.BaseAddress.GetLeftPart(UriPartial.Authority) : value);
        }

        using var response = await http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<CookieContainer> SignInAsync(string clientAddress, AgentRole role = AgentRole.Agent)
    {
        var (response, cookies) = await server.SignInAsync(await server.CreateAgentAsync(role), clientAddress);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return cookies;
    }

    // Each sign-in from its own address, so the small address budget never bites here.
    private static string NextAddress() => $"10.2.0.{Interlocked.Increment(ref s_addresses)}";

    private static string Shortcut() => $"s{Guid.NewGuid():N}"[..20];

    private static HubClientOptions Options(CookieContainer cookies, string origin) =>
        new() { Cookies = cookies, Headers = new Dictionary<string, string> { ["Origin"] = origin } };
}
