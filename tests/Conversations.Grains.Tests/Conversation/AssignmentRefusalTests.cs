using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Conversation;

public sealed class AssignmentRefusalTests
{
    [Fact]
    public async Task Take_UnlicensedAgent_RefusedAsNotLicensed()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        await h.AddAgentAsync("x", licensed: false);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).TakeAsync("x"));

        Assert.Equal(DomainErrors.AgentNotLicensed, error.Code);
        Assert.Contains("'x'", error.Message);
        Assert.Equal(ConversationStatus.Waiting, await h.StatusAsync(id));
    }

    [Fact]
    public async Task Take_OfflineAgent_RefusedAsOffline()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        await h.AddAgentAsync("x", online: false);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).TakeAsync("x"));

        Assert.Equal(DomainErrors.AgentOffline, error.Code);
    }

    [Fact]
    public async Task Take_AgentAtCapacity_RefusedAsFull()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        await h.AddAgentAsync("x", capacity: 1);
        var first = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        var second = (await h.StartAsync("c2", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(first).TakeAsync("x");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(second).TakeAsync("x"));

        Assert.Equal(DomainErrors.AgentAtCapacity, error.Code);
        Assert.Contains("1 of 1", error.Message);
    }

    [Fact]
    public async Task Take_AgentNotAllowedOnSite_RefusedNamingTheSite()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        await h.AddAgentAsync("x", allowedSites: [GrainsHarness.LiveSite]);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).TakeAsync("x"));

        Assert.Equal(DomainErrors.AgentNotAllowedOnSite, error.Code);
        Assert.Contains(GrainsHarness.OtherSite, error.Message);
    }

    [Fact]
    public async Task Assign_BySupervisorToUnlicensedAgent_RefusedAsNotLicensed()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);
        await h.AddAgentAsync("boss", role: AgentRole.Supervisor);
        await h.AddAgentAsync("x", licensed: false);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).AssignAsync("boss", "x"));

        Assert.Equal(DomainErrors.AgentNotLicensed, error.Code);
    }

    [Fact]
    public async Task Assign_ByPlainAgent_RefusedAsForbidden()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).AssignAsync("a1", "a2"));

        Assert.Equal(DomainErrors.Forbidden, error.Code);
    }

    [Fact]
    public async Task Take_TwoAgentsAtOnce_ExactlyOneWins()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        var takes = new[] { "a1", "a2" }.Select(a => Task.Run(() => h.Conversation(id).TakeAsync(a))).ToArray();
        var outcomes = await Task.WhenAll(takes.Select(async t =>
        {
            try
            {
                return (Summary: await t, Error: (DomainException?)null);
            }
            catch (DomainException e)
            {
                return (Summary: (ConversationSummary?)null, Error: e);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Summary is not null);
        var loser = Assert.Single(outcomes, o => o.Error is not null);
        Assert.Equal(DomainErrors.AlreadyAssigned, loser.Error!.Code);
        Assert.Contains(winner.Summary!.AssignedAgent!.Id, loser.Error.Message);
        var loads = await Task.WhenAll(h.Agent("a1").GetAsync(), h.Agent("a2").GetAsync());
        Assert.Equal(1, loads.Sum(a => a.ActiveConversationIds.Count));
    }

    [Fact]
    public async Task Transfer_ToUnknownAgent_RefusedNamingTheAgent()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).TransferAsync(new TransferRequest("a1", "ghost", null)));

        Assert.Equal(DomainErrors.AgentUnknown, error.Code);
        Assert.Contains("ghost", error.Message);
        Assert.Equal("a1", (await h.Conversation(id).GetStateAsync()).Agent?.Id);
    }

    [Fact]
    public async Task Transfer_ToUnknownTeam_RefusedNamingTheTeam()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).TransferAsync(new TransferRequest("a1", null, "nope")));

        Assert.Equal(DomainErrors.TeamUnknown, error.Code);
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public async Task Transfer_OtherAgentsConversationByPlainAgent_RefusedAsForbidden()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).TransferAsync(new TransferRequest("a2", "a2", null)));

        Assert.Equal(DomainErrors.Forbidden, error.Code);
    }

    [Fact]
    public async Task Reply_NotTheAssignedAgent_RefusedAsNotAssigned()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).ReplyAsync(new AgentMessage("a2", "r1", "hi")));

        Assert.Equal(DomainErrors.NotAssigned, error.Code);
    }

    [Fact]
    public async Task RequestAgent_VisitorNotOwner_RefusedAsNotOwner()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).RequestAgentAsync("intruder"));

        Assert.Equal(DomainErrors.NotOwner, error.Code);
        Assert.Contains("intruder", error.Message);
    }

    [Fact]
    public async Task Send_VisitorNotOwner_RefusedByTheContact()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        await h.StartAsync("c2", GrainsHarness.BotSite);

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Contact("c2").SendAsync(new ContactMessage(id, "m1", "hi")));

        Assert.Equal(DomainErrors.NotOwner, error.Code);
        Assert.DoesNotContain(h.MessageLog.All(id), m => m.ClientMessageId == "m1");
    }

    [Fact]
    public async Task History_VisitorNotOwner_RefusedAsNotOwner()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).CustomerHistoryAsync("c2", null, 10));

        Assert.Equal(DomainErrors.NotOwner, error.Code);
    }

    [Fact]
    public async Task Take_AgentOfAnotherWorkspace_RefusedAsUnknown()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).TakeAsync("stranger"));

        Assert.Equal(DomainErrors.AgentUnknown, error.Code);
    }
}
