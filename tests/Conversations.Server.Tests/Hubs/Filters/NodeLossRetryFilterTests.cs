using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Hubs.Filters;
using Microsoft.Extensions.Logging;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Hubs.Filters;

public sealed class NodeLossRetryFilterTests(NodeLossServer server) : IClassFixture<NodeLossServer>
{
    [Fact]
    public async Task Send_AnswerLostWithANode_RetriedAcknowledgedAndStoredOnce()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        server.Injector.Lose("SendAsCustomerAsync", 2);
        var message = await widget.InvokeAsync<Message>("send", new { conversationId = start.Id(), clientMessageId = "lost-twice", text = "Bonjour" });

        Assert.Equal(2, server.Injector.Lost);
        Assert.Equal("lost-twice", message.ClientMessageId);
        Assert.Single(await StoredAsync(widget, start.Id(), "lost-twice"));
    }

    [Fact]
    public async Task Send_NodeGoneLongerThanTheRetries_UnavailableThenStoredOnceWhenTheClientRetries()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        server.Injector.Lose("SendAsCustomerAsync", 100);
        var error = await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<Message>("send", new { conversationId = start.Id(), clientMessageId = "lost-long", text = "Hello" }));
        Assert.Contains("unavailable: ", error.Message, StringComparison.Ordinal);
        Assert.True(server.Injector.Lost > 1, $"lost {server.Injector.Lost}: the send was not retried");

        server.Injector.Lose("SendAsCustomerAsync", 0);
        await widget.InvokeAsync<Message>("send", new { conversationId = start.Id(), clientMessageId = "lost-long", text = "Hello" });
        Assert.Single(await StoredAsync(widget, start.Id(), "lost-long"));
    }

    [Fact]
    public async Task RequestAgent_AnswerLostWithANode_NotRetriedButUnavailable()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        server.Injector.Lose("RequestAgentAsync", 1);
        var error = await Assert.ThrowsAsync<HubInvocationException>(() => widget.InvokeAsync<JsonElement>("requestAgent", new { conversationId = start.Id() }));

        Assert.Contains("unavailable: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Injector.Lost);
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= LogLevel.Error && e.Category == typeof(DomainErrorFilter).FullName);
    }

    private static async Task<List<Message>> StoredAsync(HubClient widget, string conversationId, string clientMessageId)
    {
        var history = await widget.InvokeAsync<IReadOnlyList<Message>>("history", new { conversationId, limit = 50 });
        return history.Where(m => m.ClientMessageId == clientMessageId).ToList();
    }
}
