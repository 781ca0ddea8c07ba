using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Conversation;

/// <summary>The assistant's turns of the conversation grain: back to the assistant gives it the turn again.</summary>
public sealed class ConversationAssistantTests
{
    [Fact]
    public async Task AgentReturnToBot_Live_AssistantResumesAndSpeaks()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        await h.Conversation(id).AgentReturnToBotAsync("a1");

        var last = (await h.Conversation(id).CustomerHistoryAsync("c1", null, 50))[^1];
        Assert.Equal(AuthorKind.Bot, last.Author.Kind);
        Assert.Equal("I am back. How can I help?", last.Text);
        Assert.Equal(ConversationStatus.Bot, await h.StatusAsync(id));
    }

    [Fact]
    public async Task CustomerReturnToBot_AlreadyBot_AssistantSaysNothingMore()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        var before = (await h.Conversation(id).CustomerHistoryAsync("c1", null, 50)).Count;

        await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).CustomerReturnToBotAsync("c1"));

        Assert.Equal(before, (await h.Conversation(id).CustomerHistoryAsync("c1", null, 50)).Count);
    }
}
