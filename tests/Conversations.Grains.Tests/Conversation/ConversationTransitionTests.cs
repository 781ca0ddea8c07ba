using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Conversation;

public sealed class ConversationTransitionTests
{
    [Fact]
    public async Task Start_SiteWithAssistant_IsBotWithWelcome()
    {
        await using var h = await GrainsHarness.StartAsync();

        var snapshot = await h.StartAsync("c1", GrainsHarness.BotSite);

        Assert.Equal(ConversationStatus.Bot, snapshot.State.Status);
        Assert.Contains(snapshot.Messages, m => m.Author.Kind == AuthorKind.Bot);
    }

    [Fact]
    public async Task Start_SiteWithoutAssistant_IsAssignedFromTheQueue()
    {
        await using var h = await GrainsHarness.StartAsync();

        var snapshot = await h.StartAsync("c1");

        var state = await h.Conversation(snapshot.ConversationId).GetStateAsync();
        Assert.Equal(ConversationStatus.Live, state.Status);
        Assert.NotNull(state.Agent);
    }

    [Fact]
    public async Task Start_NoAgentOnline_StaysWaiting()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);

        var snapshot = await h.StartAsync("c1");

        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(snapshot.ConversationId));
        Assert.Contains(h.Events.Of<QueuePositionChanged>(), e => e.ConversationId == snapshot.ConversationId && e.Position == 1);
    }

    [Fact]
    public async Task RequestAgent_FromBot_GoesLiveThroughRouting()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        await h.Conversation(id).RequestAgentAsync("c1");
        await h.Silo.WaitForIdleAsync();

        Assert.Equal(ConversationStatus.Live, await h.StatusAsync(id));
    }

    [Fact]
    public async Task SendAsCustomer_AskingForAHuman_AssistantHandsOver()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "Je veux un conseiller"));

        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));
    }

    [Fact]
    public async Task SendAsCustomer_FallbackLimitReached_GoesWaiting()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0, settings: new WorkspaceSettings(FallbackLimit: 2));
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "blah"));
        Assert.Equal(ConversationStatus.Bot, await h.StatusAsync(id));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m2", "blah blah"));

        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));
    }

    [Fact]
    public async Task AcceptHelp_OfferingAgentAvailable_GoesLiveWithThatAgent()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        await h.Conversation(id).OfferHelpAsync("a2");

        var state = await h.Conversation(id).AcceptHelpAsync("c1");

        Assert.Equal(ConversationStatus.Live, state.Status);
        Assert.Equal("a2", state.Agent?.Id);
        Assert.Contains(h.Events.Of<HelpOffered>(), e => e.ConversationId == id && e.Agent.Id == "a2");
    }

    [Fact]
    public async Task AcceptHelp_OfferingAgentWentOffline_GoesWaiting()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1);
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        await h.Conversation(id).OfferHelpAsync("a1");
        await h.Agent("a1").SetStatusAsync(AgentStatus.Offline);

        var state = await h.Conversation(id).AcceptHelpAsync("c1");

        Assert.Equal(ConversationStatus.Waiting, state.Status);
    }

    [Fact]
    public async Task Take_Waiting_GoesLiveForTheTaker()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));

        var summary = await h.Conversation(id).TakeAsync("a1");

        Assert.Equal(ConversationStatus.Live, summary.Status);
        Assert.Equal("a1", summary.AssignedAgent?.Id);
        Assert.Contains(id, (await h.Agent("a1").GetAsync()).ActiveConversationIds);
    }

    [Fact]
    public async Task Transfer_ToAgent_StaysLiveWithTheNewAgent()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var summary = await h.Conversation(id).TransferAsync(new TransferRequest("a1", "a2", null));

        Assert.Equal(ConversationStatus.Live, summary.Status);
        Assert.Equal("a2", summary.AssignedAgent?.Id);
        Assert.DoesNotContain(id, (await h.Agent("a1").GetAsync()).ActiveConversationIds);
    }

    [Fact]
    public async Task Transfer_ToTeam_GoesWaitingForTheTeam()
    {
        await using var h = await GrainsHarness.StartAsync();
        await h.Workspace.UpsertTeamAsync(GrainsHarness.AdminId, new TeamConfig("t", "Team", ["a2"]));
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var summary = await h.Conversation(id).TransferAsync(new TransferRequest("a1", null, "t"));
        await h.Silo.WaitForIdleAsync();

        Assert.Equal(ConversationStatus.Waiting, summary.Status);
        var queue = await h.Routing(GrainsHarness.OtherSite).GetQueueAsync();
        Assert.Equal("t", Assert.Single(queue.Entries).TeamId);
    }

    [Fact]
    public async Task Transfer_ToTeam_RoutingAssignsOnlyATeamMember()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 3);
        await h.Workspace.UpsertTeamAsync(GrainsHarness.AdminId, new TeamConfig("t", "Team", ["a3"]));
        var id = (await h.StartAsync("c1")).ConversationId;
        var first = (await h.Conversation(id).GetStateAsync()).Agent!.Id;
        Assert.NotEqual("a3", first);

        await h.Conversation(id).TransferAsync(new TransferRequest(first, null, "t"));
        await h.Silo.WaitForIdleAsync();

        Assert.Equal("a3", (await h.Conversation(id).GetStateAsync()).Agent?.Id);
    }

    [Fact]
    public async Task Transfer_ToQueue_GoesWaiting()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var summary = await h.Conversation(id).TransferAsync(new TransferRequest("a1", null, null));

        Assert.Equal(ConversationStatus.Waiting, summary.Status);
        Assert.Empty((await h.Agent("a1").GetAsync()).ActiveConversationIds);
    }

    [Fact]
    public async Task CustomerReturnToBot_Live_GoesBotAndFreesTheAgent()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var state = await h.Conversation(id).CustomerReturnToBotAsync("c1");

        Assert.Equal(ConversationStatus.Bot, state.Status);
        Assert.Empty((await h.Agent("a1").GetAsync()).ActiveConversationIds);
    }

    [Fact]
    public async Task AgentReturnToBot_Live_GoesBot()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var summary = await h.Conversation(id).AgentReturnToBotAsync("a1");

        Assert.Equal(ConversationStatus.Bot, summary.Status);
    }

    [Fact]
    public async Task AgentReturnToBot_SiteWithoutAssistant_RefusedNamingTheSite()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).AgentReturnToBotAsync("a1"));

        Assert.Equal(DomainErrors.InvalidTransition, error.Code);
        Assert.Contains(GrainsHarness.OtherSite, error.Message);
    }

    [Fact]
    public async Task Close_Live_ClosesAndFreesTheAgent()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var summary = await h.Conversation(id).CloseAsync("a1");

        Assert.Equal(ConversationStatus.Closed, summary.Status);
        Assert.Empty((await h.Agent("a1").GetAsync()).ActiveConversationIds);
        Assert.Equal(ConversationStatus.Closed, (await h.Index.GetAsync(id))?.Status);
    }

    [Fact]
    public async Task Close_Waiting_LeavesTheQueue()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        await h.Conversation(id).CloseAsync("a1");
        await h.Silo.WaitForIdleAsync();

        Assert.Empty((await h.Routing(GrainsHarness.OtherSite).GetQueueAsync()).Entries);
    }

    [Fact]
    public async Task Reopen_Closed_GoesLiveAssignedToTheReopeningAgent()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).CloseAsync("a1");

        var summary = await h.Conversation(id).ReopenAsync("a2");

        Assert.Equal(ConversationStatus.Live, summary.Status);
        Assert.Equal("a2", summary.AssignedAgent?.Id);
    }

    [Fact]
    public async Task SendAsCustomer_AfterCloseDefaultPolicy_StartsANewConversation()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).CloseAsync("a1");

        var message = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello again"));

        Assert.NotEqual(id, message.ConversationId);
        Assert.Equal(ConversationStatus.Closed, await h.StatusAsync(id));
        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(message.ConversationId));
    }

    [Fact]
    public async Task SendAsCustomer_AfterCloseReopenPolicy_ReopensIntoTheQueue()
    {
        await using var h = await GrainsHarness.StartAsync();
        await h.Workspace.UpsertSiteAsync(GrainsHarness.AdminId, new SiteConfig(GrainsHarness.OtherSite, "Other", [], AutoAssignment: false, ReopenPolicy: ReopenPolicy.Reopen));
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).CloseAsync("a1");

        var message = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello again"));

        Assert.Equal(id, message.ConversationId);
        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));
    }

    [Fact]
    public async Task ChangeStatus_EveryTransition_AppendsASystemMessageAndAnalytics()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).CloseAsync("a1");

        var system = h.MessageLog.All(id).Where(m => m.Kind == MessageKind.System).Select(m => m.Text).ToList();
        Assert.Equal(3, system.Count);
        Assert.Contains(h.Analytics.Events, e => e.ConversationId == id && e.Type == "conversation.live" && e.AgentId == "a1");
        Assert.Contains(h.Analytics.Events, e => e.ConversationId == id && e.Type == "conversation.closed");
        Assert.Contains(h.Events.Of<ConversationStateChanged>(), e => e.State.ConversationId == id && e.Previous == ConversationStatus.Live && e.State.Status == ConversationStatus.Closed);
    }
}
