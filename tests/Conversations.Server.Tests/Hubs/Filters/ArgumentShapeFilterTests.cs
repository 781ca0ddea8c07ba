using System.Text.Json;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Hubs.Filters;

public sealed class ArgumentShapeFilterTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Start_MistypedField_RefusedNamingIt()
    {
        await using var widget = await server.ConnectHubAsync("/hubs/widget");

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<JsonElement>("start", new { siteId = 42 }));

        Assert.Contains("invalid_argument: siteId has the wrong JSON type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_StringInsteadOfObject_RefusedNamingTheArgument()
    {
        var (widget, _) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<JsonElement>("send", "hello"));

        Assert.Contains("invalid_argument: argument ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NestedMistypedField_RefusedNamingItsPathAndConnectionStaysUsable()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        var error = await Assert.ThrowsAsync<HubInvocationException>(() =>
            widget.InvokeAsync<JsonElement>("start", new { siteId = "demo", identity = new { userId = new[] { 1 }, hash = "h" } }));
        var history = await widget.InvokeAsync<JsonElement>("history", new { conversationId = start.Id() });

        Assert.Contains("invalid_argument: identity.userId ", error.Message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, history.ValueKind);
    }
}
