using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Testing.Hosting;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Hubs;

/// <summary>Signs agents in and opens hub connections as CONTRACT.md's clients do.</summary>
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

    /// <summary>A console connection of a signed-in agent, set online.</summary>
    public static async Task<HubClient> ConsoleAsync(KestrelServerFixture<Program> server, string email, bool online = true)
    {
        var console = await server.ConnectHubAsync("/hubs/console", new HubClientOptions { Cookies = await LoginAsync(server, email) });
        if (online)
        {
            await console.InvokeAsync("setStatus", new { status = "online" });
        }

        return console;
    }

    public static async Task<(HubClient Widget, JsonElement Start)> WidgetAsync(KestrelServerFixture<Program> server, object? start = null, HubClientOptions? options = null)
    {
        var widget = await server.ConnectHubAsync("/hubs/widget", options);
        var result = await widget.InvokeAsync<JsonElement>("start", start ?? new { siteId = "demo" });
        return (widget, result);
    }

    public static string Id(this JsonElement element, string property = "conversationId") => element.GetProperty(property).GetString()!;
}
