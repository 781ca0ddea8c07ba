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
    public async Task Send_TheOtherTabsGetTheMessage_TheSenderOnlyItsResult()
    {
        var (sender, start) = await HubSessions.StartAsync(server, HubClientProtocol.Json);
        await using var _ = sender;
        var (otherTab, resumed) = await HubSessions.StartAsync(server, HubClientProtocol.Json, new { siteId = "demo", visitorToken = start.VisitorToken });
        await using var __ = otherTab;
        var conversationId = start.ConversationId;
        Assert.Equal(conversationId, resumed.ConversationId);

        var sent = await sender.InvokeAsync<Message>("send", new { conversationId, clientMessageId = "tab1", text = "depuis le premier onglet" });

        var echoed = await otherTab.WaitForAsync<Message>("message", m => m.Id == sent.Id);
        Assert.Equal("depuis le premier onglet", echoed.Text);
        await Assert.ThrowsAsync<TimeoutException>(() =>
            sender.WaitForAsync<Message>("message", m => m.Id == sent.Id, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Reply_TheAgentsOtherConsolesGetIt_TheSenderOnlyItsResult()
    {
        await using var first = await HubSessions.ConsoleAsync(server, "agent2@demo.test");
        await using var second = await HubSessions.ConsoleAsync(server, "agent2@demo.test", online: false);
        var (widget, start) = await HubSessions.StartAsync(server, HubClientProtocol.Json);
        await using var _ = widget;
        var conversationId = start.ConversationId;
        await first.InvokeAsync<JsonElement>("take", new { conversationId });

        var reply = await first.InvokeAsync<Message>("reply", new { conversationId, clientMessageId = "r", text = "bonjour" });

        Assert.Equal(reply.Id, (await second.WaitForAsync<Message>("message", m => m.Id == reply.Id)).Id);
        Assert.Equal(reply.Id, (await widget.WaitForAsync<Message>("message", m => m.Id == reply.Id)).Id);
        await Assert.ThrowsAsync<TimeoutException>(() =>
            first.WaitForAsync<Message>("message", m => m.Id == reply.Id, TimeSpan.FromMilliseconds(300)));

        // Leaves no live conversation and no online agent2 behind for the other tests' assignments.
        await first.InvokeAsync<JsonElement>("close", new { conversationId });
        await first.InvokeAsync("setStatus", new { status = "offline" });
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
