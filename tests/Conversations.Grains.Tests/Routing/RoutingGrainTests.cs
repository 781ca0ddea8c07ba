using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Routing;

public sealed class RoutingGrainTests
{
    [Fact]
    public async Task Dispatch_ThousandConversationsOverTenAgents_AssignmentsWithinOneAndNeverAboveCapacity()
    {
        const int capacity = 3;
        await using var h = await GrainsHarness.StartAsync(agents: 10, licences: 10, capacity: capacity);
        var agents = Enumerable.Range(1, 10).Select(i => $"a{i}").ToList();

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => h.Contact($"c{i}").StartAsync(new ContactStart(GrainsHarness.WorkspaceId, GrainsHarness.LiveSite))));
        await h.Silo.WaitForIdleAsync(TimeSpan.FromSeconds(60));
        for (var wave = 0; wave < 40 && (await h.Routing(GrainsHarness.LiveSite).GetQueueAsync()).Entries.Count > 0; wave++)
        {
            // Turnover: everyone pauses, finishes their chats, and comes back at once. Orleans runs the agents'
            // concurrent returns in any order, so assignment waits until all are back: then one dispatch
            // shares the queue, which is the fairness under test.
            await SetAutoAssignmentAsync(h, false);
            await Task.WhenAll(agents.Select(a => h.Agent(a).SetStatusAsync(AgentStatus.Away)));
            var live = (await Task.WhenAll(agents.Select(a => h.Agent(a).GetAsync()))).SelectMany(a => a.ActiveConversationIds.Select(id => (Agent: a.Profile.Id, Id: id)));
            await Task.WhenAll(live.Select(c => h.Conversation(c.Id).CloseAsync(c.Agent)));
            await Task.WhenAll(agents.Select(a => h.Agent(a).SetStatusAsync(AgentStatus.Online)));
            await h.Silo.WaitForIdleAsync(TimeSpan.FromSeconds(60));
            await SetAutoAssignmentAsync(h, true);
            await h.Routing(GrainsHarness.LiveSite).DispatchAsync();
            await h.Silo.WaitForIdleAsync(TimeSpan.FromSeconds(60));
        }

        var assignments = h.Analytics.Events.Where(e => e.Type == "conversation.live").GroupBy(e => e.AgentId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1000, assignments.Values.Sum());
        Assert.Equal(10, assignments.Count);
        Assert.True(assignments.Values.Max() - assignments.Values.Min() <= 1, string.Join(", ", assignments.Select(a => $"{a.Key}={a.Value}")));
        Assert.All(h.Events.Of<AgentLoadChanged>(), e => Assert.True(e.ActiveConversations <= capacity));
    }

    [Fact]
    public async Task Dispatch_OneAgentBusier_LeastLoadedAgentChosen()
    {
        await using var h = await GrainsHarness.StartAsync();
        var busy = (await h.StartAsync("c0", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(busy).TakeAsync("a1");

        var id = (await h.StartAsync("c1")).ConversationId;

        Assert.Equal("a2", (await h.Conversation(id).GetStateAsync()).Agent?.Id);
    }

    [Fact]
    public async Task Dispatch_EqualLoad_LongestSinceLastAssignmentChosen()
    {
        await using var h = await GrainsHarness.StartAsync();
        var first = (await h.StartAsync("c1")).ConversationId;
        var firstAgent = (await h.Conversation(first).GetStateAsync()).Agent!.Id;
        await h.Conversation(first).CloseAsync(firstAgent);
        await h.AdvanceAsync(TimeSpan.FromSeconds(5));
        var second = (await h.StartAsync("c2")).ConversationId;
        var secondAgent = (await h.Conversation(second).GetStateAsync()).Agent!.Id;
        await h.Conversation(second).CloseAsync(secondAgent);
        await h.AdvanceAsync(TimeSpan.FromSeconds(5));

        var third = (await h.StartAsync("c3")).ConversationId;

        Assert.NotEqual(firstAgent, secondAgent);
        Assert.Equal(firstAgent, (await h.Conversation(third).GetStateAsync()).Agent?.Id);
    }

    [Fact]
    public async Task Dispatch_OnlyUnlicensedOrOfflineAgents_ConversationKeepsWaiting()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        await h.AddAgentAsync("unlicensed", licensed: false);
        await h.AddAgentAsync("offline", online: false);
        await h.AddAgentAsync("elsewhere", allowedSites: [GrainsHarness.BotSite]);

        var id = (await h.StartAsync("c1")).ConversationId;

        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));
    }

    [Fact]
    public async Task Dispatch_AgentComesOnline_WaitingConversationAssigned()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        await h.AddAgentAsync("x", online: false);
        var id = (await h.StartAsync("c1")).ConversationId;

        await h.Agent("x").SetStatusAsync(AgentStatus.Online);
        await h.Silo.WaitForIdleAsync();

        Assert.Equal("x", (await h.Conversation(id).GetStateAsync()).Agent?.Id);
    }

    [Fact]
    public async Task Dispatch_AutoAssignmentOff_AgentsPickByHand()
    {
        await using var h = await GrainsHarness.StartAsync();

        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));
        Assert.False((await h.Routing(GrainsHarness.OtherSite).GetQueueAsync()).AutoAssignment);
    }

    [Fact]
    public async Task Enqueue_SeveralWaiting_LongestWaitingFirstWithPositionsAndEstimates()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1);
        var ids = new List<string>();
        foreach (var contact in new[] { "c1", "c2", "c3" })
        {
            ids.Add((await h.StartAsync(contact, GrainsHarness.OtherSite)).ConversationId);
            await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        }

        await h.AdvanceAsync(TimeSpan.FromSeconds(30));
        await h.Conversation(ids[0]).TakeAsync("a1");
        await h.Silo.WaitForIdleAsync();

        var queue = await h.Routing(GrainsHarness.OtherSite).GetQueueAsync();
        Assert.Equal(ids[1..], queue.Entries.Select(e => e.ConversationId));
        Assert.Equal(60, queue.AverageWaitSeconds);
        var latest = h.Events.Of<QueuePositionChanged>().GroupBy(e => e.ConversationId).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal((1, 60), (latest[ids[1]].Position, latest[ids[1]].EstimatedWaitSeconds));
        Assert.Equal((2, 120), (latest[ids[2]].Position, latest[ids[2]].EstimatedWaitSeconds));
        Assert.Equal(2, h.Events.Of<QueueCountersChanged>()[^1].Waiting);
    }

    [Fact]
    public async Task Dispatch_FirstWaitingConversationBusy_NextOneAssignedWithoutWaitingOnIt()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        await h.AddAgentAsync("a1", online: false);
        var busy = (await h.StartAsync("c1")).ConversationId;
        var next = (await h.StartAsync("c2")).ConversationId;

        // The longest-waiting conversation is stuck in a slow append: routing must not queue behind it.
        var release = h.MessageLog.Hold(busy);
        var send = h.Conversation(busy).SendAsCustomerAsync(new CustomerMessage("c1", "m1", "hello?"));
        await h.Agent("a1").SetStatusAsync(AgentStatus.Online);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await h.StatusAsync(next) != ConversationStatus.Live && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(ConversationStatus.Live, await h.StatusAsync(next));
        Assert.False(send.IsCompleted);
        release.SetResult();
        await send;
        await h.Silo.WaitForIdleAsync();
        Assert.Equal(ConversationStatus.Live, await h.StatusAsync(busy));
        Assert.Empty((await h.Routing(GrainsHarness.LiveSite).GetQueueAsync()).Entries);
    }

    private static async Task SetAutoAssignmentAsync(GrainsHarness h, bool on)
    {
        var site = (await h.Workspace.GetAsync()).Sites.Single(s => s.Id == GrainsHarness.LiveSite);
        await h.Workspace.UpsertSiteAsync(GrainsHarness.AdminId, site with { AutoAssignment = on });
    }
}
