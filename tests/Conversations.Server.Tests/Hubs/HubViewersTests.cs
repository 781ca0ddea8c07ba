using System.Text.Json;
using Conversations.Testing.SignalR;

namespace Conversations.Server.Tests.Hubs;

public sealed class HubViewersTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Watch_SecondAgentOpensTheConversation_BothSeeEachOtherAndUnwatchUpdates()
    {
        await using var agent1 = await HubSessions.ConsoleAsync(server, "agent1@demo.test", online: false);
        await using var agent2 = await HubSessions.ConsoleAsync(server, "agent2@demo.test", online: false);
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        var conversationId = start.Id();

        await agent1.InvokeAsync("watch", new { conversationId });
        await agent1.WaitForAsync<JsonElement>("viewers", v => v.Id() == conversationId && Ids(v).SequenceEqual(["agent1"]));
        await agent2.InvokeAsync("watch", new { conversationId });

        await agent1.WaitForAsync<JsonElement>("viewers", v => v.Id() == conversationId && Ids(v).Order().SequenceEqual(["agent1", "agent2"]));
        await agent2.WaitForAsync<JsonElement>("viewers", v => v.Id() == conversationId && Ids(v).Order().SequenceEqual(["agent1", "agent2"]));

        var alone = Next(agent1, conversationId, ["agent1"]);
        await agent2.InvokeAsync("unwatch", new { conversationId });
        await alone.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Disconnect_WatchingAgent_LeavesTheViewers()
    {
        await using var agent1 = await HubSessions.ConsoleAsync(server, "agent1@demo.test", online: false);
        var agent2 = await HubSessions.ConsoleAsync(server, "agent2@demo.test", online: false);
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        var conversationId = start.Id();
        await agent1.InvokeAsync("watch", new { conversationId });
        await agent2.InvokeAsync("watch", new { conversationId });
        await agent1.WaitForAsync<JsonElement>("viewers", v => v.Id() == conversationId && Ids(v).Count() == 2);

        var alone = Next(agent1, conversationId, ["agent1"]);
        await agent2.DisposeAsync();

        await alone.WaitAsync(TimeSpan.FromSeconds(10));
    }

    // The client's history holds the earlier one-viewer list too; only a list sent from now on counts.
    private static Task Next(HubClient client, string conversationId, string[] expected)
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.On<JsonElement>("viewers", v =>
        {
            if (v.Id() == conversationId && Ids(v).SequenceEqual(expected))
            {
                next.TrySetResult();
            }
        });
        return next.Task;
    }

    private static IEnumerable<string> Ids(JsonElement viewers) =>
        viewers.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("id").GetString()!);
}
