using System.Text.Json;

namespace Conversations.Server.Tests.Hubs;

public sealed class HubEventTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task LiveConversation_TypingReadAndCounters_ReachTheRightSide()
    {
        await using var agent = await HubSessions.ConsoleAsync(server, "agent1@demo.test");
        await agent.WaitForAsync<JsonElement>("counters");
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        var conversationId = start.Id();
        await widget.InvokeAsync<JsonElement>("requestAgent", new { conversationId });
        await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("status").GetString() == "live");
        await agent.WaitForAsync<JsonElement>("counters", c => c.GetProperty("mine").GetInt32() == 1);

        await widget.InvokeAsync("typing", new { conversationId, isTyping = true });
        await agent.InvokeAsync("typing", new { conversationId, isTyping = true });
        await agent.InvokeAsync<JsonElement>("reply", new { conversationId, clientMessageId = "r", text = "hi" });
        var question = await widget.InvokeAsync<JsonElement>("send", new { conversationId, clientMessageId = "q", text = "a question" });
        await agent.InvokeAsync("markRead", new { conversationId, upToSeq = question.GetProperty("seq").GetInt64() });

        var customerTyping = await agent.WaitForAsync<JsonElement>("typing", t => t.GetProperty("author").GetProperty("kind").GetString() == "customer");
        var agentTyping = await widget.WaitForAsync<JsonElement>("typing", t => t.GetProperty("author").GetProperty("kind").GetString() == "agent");
        var read = await widget.WaitForAsync<JsonElement>("read");
        Assert.True(customerTyping.GetProperty("isTyping").GetBoolean());
        Assert.Equal("Agent 1", agentTyping.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(conversationId, read.Id());
        await Assert.ThrowsAsync<TimeoutException>(() =>
            widget.WaitForAsync<JsonElement>("typing", t => t.GetProperty("author").GetProperty("kind").GetString() == "customer", TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Call_BeforeStart_RefusedAsNotStarted()
    {
        await using var widget = await server.ConnectHubAsync("/hubs/widget");

        var error = await Assert.ThrowsAsync<Conversations.Testing.SignalR.HubInvocationException>(() =>
            widget.InvokeAsync<JsonElement>("history", new { conversationId = "anything" }));

        Assert.Contains("not_started", error.Message, StringComparison.Ordinal);
    }
}
