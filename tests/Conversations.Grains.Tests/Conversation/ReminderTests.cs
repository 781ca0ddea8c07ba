using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Conversation;

public sealed class ReminderTests
{
    private static readonly WorkspaceSettings Settings = new(SlaSeconds: 30, InactivityMinutes: 10, OfflineGraceSeconds: 20);

    [Fact]
    public async Task Sla_AgentDoesNotAnswer_ConversationReturnsToTheQueue()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1, settings: Settings);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        await h.AdvanceAsync(TimeSpan.FromSeconds(31));

        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));
        Assert.Empty((await h.Agent("a1").GetAsync()).ActiveConversationIds);
        Assert.Contains(h.MessageLog.All(id), m => m.Kind == MessageKind.System && m.Text!.Contains("30 seconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sla_AgentAnswered_StaysLive()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1, settings: Settings);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r1", "hello"));

        await h.AdvanceAsync(TimeSpan.FromSeconds(31));

        Assert.Equal(ConversationStatus.Live, await h.StatusAsync(id));
    }

    [Fact]
    public async Task Sla_AcrossSiloRestart_StillReturnsToTheQueue()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1, settings: Settings);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        await h.Silo.RestartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(31));

        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));
    }

    [Fact]
    public async Task Inactivity_NoMessageForTheTimeout_Closes()
    {
        await using var h = await GrainsHarness.StartAsync(settings: Settings);
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        await h.AdvanceAsync(TimeSpan.FromMinutes(11));

        Assert.Equal(ConversationStatus.Closed, await h.StatusAsync(id));
        Assert.Contains(h.Analytics.Events, e => e.ConversationId == id && e.Type == "conversation.closed");
    }

    [Fact]
    public async Task Inactivity_MessageResetsTheDeadline_StaysOpenUntilQuietLongEnough()
    {
        await using var h = await GrainsHarness.StartAsync(settings: Settings);
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        await h.AdvanceAsync(TimeSpan.FromMinutes(6));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "still here"));

        await h.AdvanceAsync(TimeSpan.FromMinutes(6));
        Assert.Equal(ConversationStatus.Bot, await h.StatusAsync(id));
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(ConversationStatus.Closed, await h.StatusAsync(id));
    }

    [Fact]
    public async Task Inactivity_AcrossSiloRestart_StillCloses()
    {
        await using var h = await GrainsHarness.StartAsync(settings: Settings);
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        await h.Silo.RestartAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(11));

        Assert.Equal(ConversationStatus.Closed, await h.StatusAsync(id));
    }

    [Fact]
    public async Task OfflineGrace_AgentStaysOffline_LiveConversationsReturnToTheQueue()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1, settings: Settings);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r1", "hello"));

        await h.Agent("a1").SetStatusAsync(AgentStatus.Offline);
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ConversationStatus.Live, await h.StatusAsync(id));
        await h.AdvanceAsync(TimeSpan.FromSeconds(11));

        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));
        Assert.Empty((await h.Agent("a1").GetAsync()).ActiveConversationIds);
    }

    [Fact]
    public async Task OfflineGrace_AgentBackOnlineInTime_KeepsConversations()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1, settings: Settings);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r1", "hello"));

        await h.Agent("a1").SetStatusAsync(AgentStatus.Offline);
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        await h.Agent("a1").SetStatusAsync(AgentStatus.Online);
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ConversationStatus.Live, await h.StatusAsync(id));
    }
}
