using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Agent;

public sealed class AgentGrainTests
{
    [Fact]
    public async Task SetStatus_UnknownAgent_RefusedAsUnknown()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Agent("ghost").SetStatusAsync(AgentStatus.Online));

        Assert.Equal(DomainErrors.AgentUnknown, error.Code);
        Assert.Contains("ghost", error.Message);
    }

    [Fact]
    public async Task SetStatus_Changed_PublishesPresence()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1);

        await h.Agent("a1").SetStatusAsync(AgentStatus.Away);

        Assert.Equal(AgentStatus.Away, h.Events.Of<AgentPresenceChanged>()[^1].Status);
    }

    [Fact]
    public async Task UpsertAgent_Default_CapacityFiveAndBotConversationsHidden()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 0);

        await h.AddAgentAsync("x");

        var view = await h.Agent("x").GetAsync();
        Assert.Equal(5, view.Profile.Capacity);
        Assert.False(view.Profile.ShowBotConversations);
        Assert.Equal(AgentStatus.Online, view.Status);
    }

    [Fact]
    public async Task Reply_Sent_CountsTheAgentsMessages()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r1", "hello"));
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r1", "hello"));

        Assert.Equal(1, (await h.Agent("a1").GetAsync()).MessageCount);
    }
}
