using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Testing.SignalR;
using Conversations.Web.Tests.Hosting;

namespace Conversations.Web.Tests.Widget;

/// <summary>An agent on the console hub (CONTRACT.md), signed in with the cookie of POST /api/auth/login.</summary>
public sealed class AgentConsole : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonElement> _messages = new();
    private readonly IDisposable _subscription;

    private AgentConsole(HubClient hub)
    {
        Hub = hub;
        _subscription = hub.On<JsonElement>("message", _messages.Enqueue);
    }

    public HubClient Hub { get; }

    public static async Task<AgentConsole> SignInAsync(WebServerFixture server, string email)
    {
        var cookies = new CookieContainer();
        using (var http = server.CreateHttpClient(cookies))
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email, password = "demo-password" });
            response.EnsureSuccessStatusCode();
        }

        return new AgentConsole(await server.ConnectHubAsync("/hubs/console", new HubClientOptions { Cookies = cookies }));
    }

    /// <summary>Customer messages received with this text, to check something arrived exactly once.</summary>
    public int CountCustomerMessages(string text) =>
        _messages.Count(m => m.GetProperty("author").GetProperty("kind").GetString() == "customer" && m.TryGetProperty("text", out var t) && t.GetString() == text);

    public long SeqOfCustomerMessage(string text) =>
        _messages.First(m => m.GetProperty("author").GetProperty("kind").GetString() == "customer" && m.TryGetProperty("text", out var t) && t.GetString() == text)
            .GetProperty("seq").GetInt64();

    public async Task WaitForCustomerMessageAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (CountCustomerMessages(text) == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the agent never received '{text}'");
            }

            await Task.Delay(50);
        }
    }

    public Task SetStatusAsync(string status) => Hub.InvokeAsync("setStatus", new { status });

    public Task<JsonElement> TakeAsync(string conversationId) => Hub.InvokeAsync<JsonElement>("take", new { conversationId });

    public Task TypingAsync(string conversationId, bool isTyping) => Hub.InvokeAsync("typing", new { conversationId, isTyping });

    public Task<JsonElement> ReplyAsync(string conversationId, string text) =>
        Hub.InvokeAsync<JsonElement>("reply", new { conversationId, clientMessageId = Guid.NewGuid().ToString("N"), text });

    public Task MarkReadAsync(string conversationId, long upToSeq) => Hub.InvokeAsync("markRead", new { conversationId, upToSeq });

    public Task<JsonElement> CloseAsync(string conversationId) => Hub.InvokeAsync<JsonElement>("close", new { conversationId });

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await Hub.InvokeAsync("setStatus", new { status = "offline" });
        await Hub.DisposeAsync();
    }
}
