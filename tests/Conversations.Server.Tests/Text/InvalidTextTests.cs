using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Server.Tests.Api;
using Conversations.Server.Tests.Hubs;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Text;

/// <summary>U+0000 (and, in ids, other control characters) is refused at the edge, naming the field, before
/// any grain or database sees it: PostgreSQL cannot store it, and SQLite must not differ.</summary>
public sealed class InvalidTextTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("text", "hello\0world")]
    [InlineData("clientMessageId", "cm\0")]
    [InlineData("clientMessageId", "cm\u0007")]
    public async Task Send_InvalidCharacter_RefusedNamingTheField(string field, string value)
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        var arguments = new Dictionary<string, object?> { ["conversationId"] = start.Id(), ["clientMessageId"] = "cm-1", ["text"] = "hi" };
        arguments[field] = value;

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<JsonElement>("send", arguments));
        var history = await widget.InvokeAsync<JsonElement>("history", new { conversationId = start.Id() });

        Assert.Contains($"invalid_argument: {field} ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(history.EnumerateArray(), m => m.GetProperty("author").GetProperty("kind").GetString() == "customer");
    }

    [Fact]
    public async Task Send_TextWithLineBreaksAndTabs_Stored()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        var message = await widget.InvokeAsync<JsonElement>("send", new { conversationId = start.Id(), clientMessageId = "ok", text = "line 1\r\n\tline 2" });

        Assert.Equal("line 1\r\n\tline 2", message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Start_NulInVariableValueOrSiteId_RefusedNamingTheField()
    {
        await using var widget = await server.ConnectHubAsync("/hubs/widget");

        var variable = await Assert.ThrowsAsync<HubInvocationException>(() =>
            widget.InvokeAsync<JsonElement>("start", new { siteId = "demo", variables = new Dictionary<string, string> { ["plan"] = "gold\0" } }));
        var site = await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<JsonElement>("start", new { siteId = "de\0mo" }));

        Assert.Contains("invalid_argument: variables.plan ", variable.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_argument: siteId ", site.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_NulInEmail_Returns400NamingEmail()
    {
        using var http = server.CreateHttpClient();

        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email = "agent1@demo.test\0", password = "demo-password" });

        await ApiJson.AssertInvalidAsync(response, "email");
    }

    [Theory]
    [InlineData("/api/conversations/a%00b")]
    [InlineData("/api/conversations?q=a%00b")]
    [InlineData("/api/uploads/a%00b")]
    public async Task Get_NulInPathOrQuery_Returns400(string url)
    {
        var cookies = await HubSessions.LoginAsync(server, "agent1@demo.test");
        using var http = server.CreateHttpClient(cookies);

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
