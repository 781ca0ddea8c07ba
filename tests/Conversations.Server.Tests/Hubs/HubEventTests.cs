using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Hubs.Payloads;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Hubs;

public sealed class HubEventTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task LiveConversation_TypingReadAndCounters_ReachTheRightSide(HubClientProtocol protocol)
    {
        await using var agent = await HubSessions.ConsoleAsync(server, "agent1@demo.test", protocol);
        await agent.WaitForAsync<CountersPayload>("counters");
        var (widget, start) = await HubSessions.StartAsync(server, protocol);
        await using var _ = widget;
        var conversationId = start.ConversationId;
        await widget.InvokeAsync<ConversationState>("requestAgent", new { conversationId });
        await widget.WaitForAsync<ConversationState>("state", s => s.Status == ConversationStatus.Live);
        await agent.WaitForAsync<CountersPayload>("counters", c => c.Mine == 1);

        await widget.InvokeAsync("typing", new { conversationId, isTyping = true });
        await agent.InvokeAsync("typing", new { conversationId, isTyping = true });
        await agent.InvokeAsync<Message>("reply", new { conversationId, clientMessageId = "r", text = "hi" });
        var question = await widget.InvokeAsync<Message>("send", new { conversationId, clientMessageId = "q", text = "a question" });
        await agent.InvokeAsync("markRead", new { conversationId, upToSeq = question.Seq });

        var customerTyping = await agent.WaitForAsync<TypingPayload>("typing", t => t.Author.Kind == AuthorKind.Customer);
        var agentTyping = await widget.WaitForAsync<TypingPayload>("typing", t => t.Author.Kind == AuthorKind.Agent);
        var read = await widget.WaitForAsync<ReadPayload>("read");
        Assert.True(customerTyping.IsTyping);
        Assert.Equal("Agent 1", agentTyping.Author.Name);
        Assert.Equal(conversationId, read.ConversationId);
        Assert.Equal(question.Seq, read.UpToSeq);
        await Assert.ThrowsAsync<TimeoutException>(() =>
            widget.WaitForAsync<TypingPayload>("typing", t => t.Author.Kind == AuthorKind.Customer, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task CustomerMarkRead_ReachesTheAssignedAgentsConsole()
    {
        await using var agent = await HubSessions.ConsoleAsync(server, "agent2@demo.test", HubClientProtocol.Json);
        await agent.WaitForAsync<CountersPayload>("counters");
        var (widget, start) = await HubSessions.StartAsync(server, HubClientProtocol.Json);
        await using var _ = widget;
        var conversationId = start.ConversationId;
        await widget.InvokeAsync<ConversationState>("requestAgent", new { conversationId });
        await widget.WaitForAsync<ConversationState>("state", s => s.Status == ConversationStatus.Live);
        var reply = await agent.InvokeAsync<Message>("reply", new { conversationId, clientMessageId = "r", text = "hello" });

        await widget.InvokeAsync("markRead", new { conversationId, upToSeq = reply.Seq });

        var read = await agent.WaitForAsync<ReadPayload>("read", r => r.ConversationId == conversationId);
        Assert.Equal(reply.Seq, read.UpToSeq);

        // Leaves no live conversation and no online agent2 behind for the other tests' assignments.
        await agent.InvokeAsync<JsonElement>("close", new { conversationId });
        await agent.InvokeAsync("setStatus", new { status = "offline" });
    }

    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task Call_BeforeStart_RefusedAsNotStarted(HubClientProtocol protocol)
    {
        await using var widget = await server.ConnectHubAsync("/hubs/widget", new HubClientOptions { Protocol = protocol });

        var error = await Assert.ThrowsAsync<HubInvocationException>(() =>
            widget.InvokeAsync<Message[]>("history", new { conversationId = "anything" }));

        Assert.Contains("not_started", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task Send_WrongTypedField_RefusedAndTheConnectionLives(HubClientProtocol protocol)
    {
        var (widget, start) = await HubSessions.StartAsync(server, protocol);
        await using var _ = widget;

        await Assert.ThrowsAsync<HubInvocationException>(() =>
            widget.InvokeAsync<Message>("send", new { conversationId = start.ConversationId, clientMessageId = 42, text = new[] { "not", "text" } }));
        var sent = await widget.InvokeAsync<Message>("send", new { conversationId = start.ConversationId, clientMessageId = "ok", text = "fine" });

        Assert.Equal("fine", sent.Text);
    }
}
