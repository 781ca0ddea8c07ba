using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Testing.Hosting;
using Conversations.Server.Hubs.Payloads;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Hubs;

/// <summary>Signs agents in and opens hub connections as CONTRACT.md's clients do, over either hub protocol.</summary>
public static class HubSessions
{
    public const string Password = "demo-password";

    public static async Task<CookieContainer> LoginAsync(KestrelServerFixture<Program> server, string email)
    {
        var cookies = new CookieContainer();
        using var http = server.CreateHttpClient(cookies);
        using var response = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email, password = Password });
        response.EnsureSuccessStatusCode();
        return cookies;
    }

    /// <summary>A console connection (JSON protocol) of a signed-in agent, set online.</summary>
    public static Task<HubClient> ConsoleAsync(KestrelServerFixture<Program> server, string email, bool online = true) =>
        ConsoleAsync(server, email, HubClientProtocol.Json, online);

    /// <summary>A console connection of a signed-in agent over <paramref name="protocol"/>, set online.</summary>
    public static async Task<HubClient> ConsoleAsync(KestrelServerFixture<Program> server, string email, HubClientProtocol protocol, bool online = true)
    {
        var options = new HubClientOptions { Cookies = await LoginAsync(server, email), Protocol = protocol };
        var console = await server.ConnectHubAsync("/hubs/console", options);
        if (online)
        {
            await console.InvokeAsync("setStatus", new { status = "online" });
        }

        return console;
    }

    /// <summary>A widget connection (JSON protocol) and what its <c>start</c> returned, as a JSON tree.</summary>
    public static async Task<(HubClient Widget, JsonElement Start)> WidgetAsync(KestrelServerFixture<Program> server, object? start = null, HubClientOptions? options = null)
    {
        var widget = await server.ConnectHubAsync("/hubs/widget", options);
        var result = await widget.InvokeAsync<JsonElement>("start", start ?? new { siteId = "demo" });
        return (widget, result);
    }

    /// <summary>A widget connection over <paramref name="protocol"/> and what its <c>start</c> returned.</summary>
    public static async Task<(HubClient Widget, StartResult Start)> StartAsync(ServerFixture server, HubClientProtocol protocol, object? start = null)
    {
        var widget = await server.ConnectHubAsync("/hubs/widget", new HubClientOptions { Protocol = protocol });
        var result = await widget.InvokeAsync<StartResult>("start", start ?? new { siteId = "demo" });
        return (widget, result);
    }

    public static string Id(this JsonElement element, string property = "conversationId") => element.GetProperty(property).GetString()!;
}
