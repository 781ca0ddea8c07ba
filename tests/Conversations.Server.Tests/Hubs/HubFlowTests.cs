using System.Collections.Concurrent;
using System.Text.Json;

namespace Conversations.Server.Tests.Hubs;

public sealed class HubFlowTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Handoff_CustomerToAgentsAndBack_EveryoneSeesWhatTheyShould()
    {
        // Arrange: agent1 online before the customer asks for a human, so routing picks agent1.
        await using var agent1 = await HubSessions.ConsoleAsync(server, "agent1@demo.test");
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        var conversationId = start.Id();
        var received = new ConcurrentQueue<JsonElement>();
        using var subscription = widget.On<JsonElement>("message", received.Enqueue);
        Assert.Equal("bot", start.GetProperty("state").GetProperty("status").GetString());
        Assert.Contains(start.GetProperty("messages").EnumerateArray(), m => m.GetProperty("author").GetProperty("kind").GetString() == "bot");
        Assert.False(string.IsNullOrEmpty(start.GetProperty("visitorToken").GetString()));

        // Act + Assert: the customer asks for a human; agent1 is notified and gets it.
        var asked = await widget.InvokeAsync<JsonElement>("send", new { conversationId, clientMessageId = "c1", text = "I want to talk to an agent" });
        Assert.Equal("customer", asked.GetProperty("author").GetProperty("kind").GetString());
        await agent1.WaitForAsync<JsonElement>("notification", n => n.Id() == conversationId && n.GetProperty("kind").GetString() == "assigned");
        await agent1.WaitForAsync<JsonElement>("conversation", c => c.Id("id") == conversationId && c.GetProperty("assignedAgent").ValueKind == JsonValueKind.Object && c.GetProperty("assignedAgent").Id("id") == "agent1");
        await agent1.WaitForAsync<JsonElement>("message", m => m.Id() == conversationId && m.GetProperty("text").GetString() == "I want to talk to an agent");
        await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("status").GetString() == "live" && s.GetProperty("agent").Id("id") == "agent1");

        var reply = await agent1.InvokeAsync<JsonElement>("reply", new { conversationId, clientMessageId = "a1", text = "Hello, I am agent 1" });
        Assert.Equal("text", reply.GetProperty("kind").GetString());
        await widget.WaitForAsync<JsonElement>("message", m => m.GetProperty("text").GetString() == "Hello, I am agent 1");

        var note = await agent1.InvokeAsync<JsonElement>("note", new { conversationId, clientMessageId = "n1", text = "secret note" });
        Assert.Equal("note", note.GetProperty("kind").GetString());
        await agent1.WaitForAsync<JsonElement>("message", m => m.GetProperty("kind").GetString() == "note");
        await agent1.InvokeAsync<JsonElement>("reply", new { conversationId, clientMessageId = "a2", text = "after the note" });
        await widget.WaitForAsync<JsonElement>("message", m => m.GetProperty("text").GetString() == "after the note");

        await using var agent2 = await HubSessions.ConsoleAsync(server, "agent2@demo.test");
        var transferred = await agent1.InvokeAsync<JsonElement>("transfer", new { conversationId, agentId = "agent2" });
        Assert.Equal("agent2", transferred.GetProperty("assignedAgent").Id("id"));
        await agent2.WaitForAsync<JsonElement>("notification", n => n.Id() == conversationId && n.GetProperty("kind").GetString() == "assigned");
        await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("status").GetString() == "live" && s.GetProperty("agent").Id("id") == "agent2");

        var closed = await agent2.InvokeAsync<JsonElement>("close", new { conversationId });
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("status").GetString() == "closed");

        var reopened = await agent2.InvokeAsync<JsonElement>("reopen", new { conversationId });
        Assert.Equal("live", reopened.GetProperty("status").GetString());
        await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("status").GetString() == "live");

        // The note never reached the customer, live or in history.
        Assert.DoesNotContain(received, m => m.GetProperty("kind").GetString() == "note");
        var history = await widget.InvokeAsync<JsonElement>("history", new { conversationId, limit = 100 });
        Assert.DoesNotContain(history.EnumerateArray(), m => m.GetProperty("kind").GetString() == "note");
        Assert.Contains(history.EnumerateArray(), m => m.GetProperty("text").GetString() == "Hello, I am agent 1");
    }

    [Fact]
    public async Task Start_SameVisitorToken_ResumesTheConversation()
    {
        var (first, start) = await HubSessions.WidgetAsync(server);
        await first.DisposeAsync();

        var (second, resumed) = await HubSessions.WidgetAsync(server, new { siteId = "demo", visitorToken = start.Id("visitorToken") });
        await using var _ = second;

        Assert.Equal(start.Id(), resumed.Id());
    }

    [Fact]
    public async Task Send_HtmlPayload_StoredAndReturnedVerbatim()
    {
        const string payload = "<script>alert('x')</script><b>&amp; \"quoted\"</b>";
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        var sent = await widget.InvokeAsync<JsonElement>("send", new { conversationId = start.Id(), clientMessageId = "html", text = payload });
        var history = await widget.InvokeAsync<JsonElement>("history", new { conversationId = start.Id() });

        Assert.Equal(payload, sent.GetProperty("text").GetString());
        Assert.Contains(history.EnumerateArray(), m => m.GetProperty("text").GetString() == payload);
    }

    [Fact]
    public async Task Send_SameClientMessageId_ReturnsTheSameMessage()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;

        var first = await widget.InvokeAsync<JsonElement>("send", new { conversationId = start.Id(), clientMessageId = "dup", text = "once" });
        var again = await widget.InvokeAsync<JsonElement>("send", new { conversationId = start.Id(), clientMessageId = "dup", text = "once" });

        Assert.Equal(first.Id("id"), again.Id("id"));
    }
}
