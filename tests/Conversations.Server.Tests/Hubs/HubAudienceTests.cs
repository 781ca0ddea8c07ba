using System.Text.Json;

namespace Conversations.Server.Tests.Hubs;

public sealed class HubAudienceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Message_AssignedConversation_ReachesItsAgentAndWatchersButOnlyTheRowReachesTheRestOfTheSite()
    {
        await using var agent1 = await HubSessions.ConsoleAsync(server, "agent1@demo.test");
        await using var agent2 = await HubSessions.ConsoleAsync(server, "agent2@demo.test");
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        var conversationId = start.Id();
        await widget.InvokeAsync<JsonElement>("requestAgent", new { conversationId });
        var live = await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("status").GetString() == "live");
        var assignedId = live.GetProperty("agent").Id("id");
        var (assigned, other) = assignedId == "agent1" ? (agent1, agent2) : (agent2, agent1);

        await widget.InvokeAsync<JsonElement>("send", new { conversationId, clientMessageId = "m1", text = "only for my agent" });

        await assigned.WaitForAsync<JsonElement>("message", m => m.GetProperty("text").GetString() == "only for my agent");
        await other.WaitForAsync<JsonElement>("conversation", c => c.Id("id") == conversationId &&
            c.GetProperty("lastMessage").ValueKind == JsonValueKind.Object && c.GetProperty("lastMessage").GetProperty("text").GetString() == "only for my agent");
        await Assert.ThrowsAsync<TimeoutException>(() =>
            other.WaitForAsync<JsonElement>("message", m => m.GetProperty("text").GetString() == "only for my agent", TimeSpan.FromSeconds(1)));

        await other.InvokeAsync("watch", new { conversationId });
        await widget.InvokeAsync<JsonElement>("send", new { conversationId, clientMessageId = "m2", text = "now watched" });

        await other.WaitForAsync<JsonElement>("message", m => m.GetProperty("text").GetString() == "now watched");
        await assigned.WaitForAsync<JsonElement>("message", m => m.GetProperty("text").GetString() == "now watched");
    }
}
