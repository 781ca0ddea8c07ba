using System.Collections.Concurrent;
using Conversations.Contracts;
using Conversations.Server.Hubs.Payloads;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Hubs;

public sealed class HubFlowTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task Handoff_CustomerToAgentsAndBack_EveryoneSeesWhatTheyShould(HubClientProtocol protocol)
    {
        // Arrange: agent1 online before the customer asks for a human, so routing picks agent1.
        await using var agent1 = await HubSessions.ConsoleAsync(server, "agent1@demo.test", protocol);
        var (widget, start) = await HubSessions.StartAsync(server, protocol);
        await using var _ = widget;
        var conversationId = start.ConversationId;
        var received = new ConcurrentQueue<Message>();
        using var subscription = widget.On<Message>("message", received.Enqueue);
        Assert.Equal(ConversationStatus.Bot, start.State.Status);
        Assert.Contains(start.Messages, m => m.Author.Kind == AuthorKind.Bot);
        Assert.False(string.IsNullOrEmpty(start.VisitorToken));

        // Act + Assert: the customer asks for a human; agent1 is notified and gets it.
        var asked = await widget.InvokeAsync<Message>("send", new { conversationId, clientMessageId = "c1", text = "I want to talk to an agent" });
        Assert.Equal(AuthorKind.Customer, asked.Author.Kind);
        Assert.Equal("c1", asked.ClientMessageId);
        await agent1.WaitForAsync<NotificationPayload>("notification", n => n.ConversationId == conversationId && n.Kind == NotificationKind.Assigned);
        await agent1.WaitForAsync<ConversationSummary>("conversation", c => c.Id == conversationId && c.AssignedAgent?.Id == "agent1");
        await agent1.WaitForAsync<Message>("message", m => m.ConversationId == conversationId && m.Text == "I want to talk to an agent");
        await widget.WaitForAsync<ConversationState>("state", s => s.Status == ConversationStatus.Live && s.Agent?.Id == "agent1");

        var reply = await agent1.InvokeAsync<Message>("reply", new { conversationId, clientMessageId = "a1", text = "Hello, I am agent 1" });
        Assert.Equal(MessageKind.Text, reply.Kind);
        Assert.True(reply.Seq > asked.Seq);
        await widget.WaitForAsync<Message>("message", m => m.Text == "Hello, I am agent 1" && m.Author.Kind == AuthorKind.Agent);

        var note = await agent1.InvokeAsync<Message>("note", new { conversationId, clientMessageId = "n1", text = "secret note" });
        Assert.Equal(MessageKind.Note, note.Kind);
        await agent1.WaitForAsync<Message>("message", m => m.Kind == MessageKind.Note);
        await agent1.InvokeAsync<Message>("reply", new { conversationId, clientMessageId = "a2", text = "after the note" });
        await widget.WaitForAsync<Message>("message", m => m.Text == "after the note");

        await using var agent2 = await HubSessions.ConsoleAsync(server, "agent2@demo.test", protocol);
        var transferred = await agent1.InvokeAsync<ConversationSummary>("transfer", new { conversationId, agentId = "agent2" });
        Assert.Equal("agent2", transferred.AssignedAgent?.Id);
        await agent2.WaitForAsync<NotificationPayload>("notification", n => n.ConversationId == conversationId && n.Kind == NotificationKind.Assigned);
        await widget.WaitForAsync<ConversationState>("state", s => s.Status == ConversationStatus.Live && s.Agent?.Id == "agent2");

        var closed = await agent2.InvokeAsync<ConversationSummary>("close", new { conversationId });
        Assert.Equal(ConversationStatus.Closed, closed.Status);
        await widget.WaitForAsync<ConversationState>("state", s => s.Status == ConversationStatus.Closed);

        var reopened = await agent2.InvokeAsync<ConversationSummary>("reopen", new { conversationId });
        Assert.Equal(ConversationStatus.Live, reopened.Status);
        await widget.WaitForAsync<ConversationState>("state", s => s.Status == ConversationStatus.Live);

        // The note never reached the customer, live or in history.
        Assert.DoesNotContain(received, m => m.Kind == MessageKind.Note);
        var history = await widget.InvokeAsync<Message[]>("history", new { conversationId, limit = 100 });
        Assert.DoesNotContain(history, m => m.Kind == MessageKind.Note);
        Assert.Contains(history, m => m.Text == "Hello, I am agent 1" && m.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Start_SameVisitorToken_ResumesTheConversation()
    {
        var (first, start) = await HubSessions.StartAsync(server, HubClientProtocol.Json);
        await first.DisposeAsync();

        var (second, resumed) = await HubSessions.StartAsync(server, HubClientProtocol.Json, new { siteId = "demo", visitorToken = start.VisitorToken });
        await using var _ = second;

        Assert.Equal(start.ConversationId, resumed.ConversationId);
    }

    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task Send_HtmlPayload_StoredAndReturnedVerbatim(HubClientProtocol protocol)
    {
        const string payload = "<script>alert('x')</script><b>&amp; \"quoted\"</b> é 🙂";
        var (widget, start) = await HubSessions.StartAsync(server, protocol);
        await using var _ = widget;

        var sent = await widget.InvokeAsync<Message>("send", new { conversationId = start.ConversationId, clientMessageId = "html", text = payload });
        var history = await widget.InvokeAsync<Message[]>("history", new { conversationId = start.ConversationId });

        Assert.Equal(payload, sent.Text);
        Assert.Contains(history, m => m.Text == payload);
    }

    [Fact]
    public async Task Send_SameClientMessageId_ReturnsTheSameMessage()
    {
        var (widget, start) = await HubSessions.StartAsync(server, HubClientProtocol.Json);
        await using var _ = widget;

        var first = await widget.InvokeAsync<Message>("send", new { conversationId = start.ConversationId, clientMessageId = "dup", text = "once" });
        var again = await widget.InvokeAsync<Message>("send", new { conversationId = start.ConversationId, clientMessageId = "dup", text = "once" });

        Assert.Equal(first.Id, again.Id);
    }
}
