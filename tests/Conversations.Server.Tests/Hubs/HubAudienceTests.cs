using Conversations.Contracts;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Hubs;

public sealed class HubAudienceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Message_AssignedConversation_ReachesItsAgentAndWatchersButOnlyTheRowReachesTheRestOfTheSite()
    {
        await using var agent1 = await HubSessions.ConsoleAsync(server, "agent1@demo.test");
        await using var agent2 = await HubSessions.ConsoleAsync(server, "agent2@demo.test");
        var (widget, start) = await HubSessions.StartAsync(server, HubClientProtocol.Json);
        await using var _ = widget;
        var conversationId = start.ConversationId;
        await widget.InvokeAsync<ConversationState>("requestAgent", new { conversationId });
        var live = await widget.WaitForAsync<ConversationState>("state", s => s.Status == ConversationStatus.Live);
        var (assigned, other) = live.Agent?.Id == "agent1" ? (agent1, agent2) : (agent2, agent1);

        await widget.InvokeAsync<Message>("send", new { conversationId, clientMessageId = "m1", text = "only for my agent" });

        await assigned.WaitForAsync<Message>("message", m => m.Text == "only for my agent");
        await other.WaitForAsync<ConversationSummary>("conversation", c => c.Id == conversationId && c.LastMessage?.Text == "only for my agent");
        await Assert.ThrowsAsync<TimeoutException>(() =>
            other.WaitForAsync<Message>("message", m => m.Text == "only for my agent", TimeSpan.FromSeconds(1)));

        await other.InvokeAsync("watch", new { conversationId });
        await widget.InvokeAsync<Message>("send", new { conversationId, clientMessageId = "m2", text = "now watched" });

        await other.WaitForAsync<Message>("message", m => m.Text == "now watched");
        await assigned.WaitForAsync<Message>("message", m => m.Text == "now watched");
    }
}
