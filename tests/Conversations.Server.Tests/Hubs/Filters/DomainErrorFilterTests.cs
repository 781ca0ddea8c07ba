using System.Text.Json;
using Conversations.Server.Hubs.Filters;
using Conversations.Testing.SignalR;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Conversations.Server.Tests.Hubs.Filters;

public sealed class DomainErrorFilterTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task InvokeMethodAsync_RefusedCalls_LoggedAtInformationWithoutStack()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        // A bad argument, a domain refusal (unknown site) and a call before start on a second connection.
        await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<JsonElement>("history", new { conversationId = start.Id(), limit = 1_000 }));
        await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<JsonElement>("start", new { siteId = "no-such-site" }));
        await using var fresh = await server.ConnectHubAsync("/hubs/widget");
        await Assert.ThrowsAsync<HubInvocationException>(() => fresh.InvokeAsync<JsonElement>("send", new { conversationId = "c", clientMessageId = "m", text = "hi" }));

        var entries = server.Logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning && e.Exception is HubException);
        var refusals = entries.Where(e => e.Category == typeof(DomainErrorFilter).FullName).ToList();
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.All(refusals, e => Assert.Null(e.Exception));
        Assert.Contains(refusals, e => e.Message.Contains("invalid_argument: limit", StringComparison.Ordinal));
    }
}
