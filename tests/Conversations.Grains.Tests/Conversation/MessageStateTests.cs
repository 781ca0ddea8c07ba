using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Conversation;

/// <summary>Plain messages do not write the conversation state; the message log rebuilds what they
/// change on activation. These check nothing is lost or moves backwards across a restart.</summary>
public sealed class MessageStateTests
{
    private static readonly WorkspaceSettings Settings = new(SlaSeconds: 30, InactivityMinutes: 10, OfflineGraceSeconds: 20);

    [Fact]
    public async Task PlainMessages_DoNotWriteTheState()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = await LiveConversationAsync(h);
        var version = (await h.StoredConversationAsync(id)).Version;

        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "one"));
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r2", "two"));
        await h.Conversation(id).NoteAsync(new AgentMessage("a1", "n1", "note"));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m2", "three"));

        Assert.Equal(version, (await h.StoredConversationAsync(id)).Version);
        Assert.Equal("three", (await h.Index.GetAsync(id))?.LastMessageText);
    }

    [Fact]
    public async Task PlainMessages_SiloRestart_SummaryUnchanged()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = await LiveConversationAsync(h);
        await h.Conversation(id).WatchAsync("a2");
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "one"));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m2", "two"));
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r2", "three"));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m3", "four"));
        await h.Conversation(id).NoteAsync(new AgentMessage("a2", "n1", "note"));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m4", "five"));
        var before = await SummariesAsync(h, id);

        await h.Silo.RestartAsync();

        Assert.Equal(before, await SummariesAsync(h, id));
        Assert.Equal("five", before.Agent1.LastMessage?.Text);
        Assert.True(before.Agent1.Unanswered);
        Assert.Equal(2, before.Agent1.Unread);
        Assert.Equal(1, before.Agent2.Unread);
    }

    [Fact]
    public async Task AgentRepliesLast_SiloRestart_StillAnswered()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = await LiveConversationAsync(h);
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "one"));
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r2", "two"));

        await h.Silo.RestartAsync();

        var summary = await h.Conversation(id).GetSummaryAsync("a1");
        Assert.False(summary.Unanswered);
        Assert.Equal(0, summary.Unread);
        Assert.Equal("two", summary.LastMessage?.Text);
    }

    [Fact]
    public async Task MoreMessagesThanTracked_SiloRestart_UnreadCountUnchanged()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = await LiveConversationAsync(h);
        for (var i = 0; i < 250; i++)
        {
            await h.Contact("c1").SendAsync(new ContactMessage(id, $"m{i}", $"message {i}"));
        }

        var before = await h.Conversation(id).GetSummaryAsync("a1");
        await h.Silo.RestartAsync();

        Assert.Equal(200, before.Unread);
        Assert.Equal(before, await h.Conversation(id).GetSummaryAsync("a1"));
    }

    [Fact]
    public async Task MarkRead_ThenPlainMessages_SiloRestart_ReadMarkKept()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = await LiveConversationAsync(h);
        var read = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "one"));
        await h.Conversation(id).AgentMarkReadAsync("a1", read.Seq);
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m2", "two"));

        await h.Silo.RestartAsync();

        Assert.Equal(1, (await h.Conversation(id).GetSummaryAsync("a1")).Unread);
    }

    [Fact]
    public async Task Inactivity_PlainMessageThenSiloRestart_CountsFromTheMessage()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1, settings: Settings);
        var id = await LiveConversationAsync(h);
        await h.AdvanceAsync(TimeSpan.FromMinutes(6));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "still here"));

        await h.Silo.RestartAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(6));
        Assert.Equal(ConversationStatus.Live, await h.StatusAsync(id));
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(ConversationStatus.Closed, await h.StatusAsync(id));
    }

    [Fact]
    public async Task Sla_AnsweredThenSiloRestart_StaysLive()
    {
        await using var h = await GrainsHarness.StartAsync(agents: 1, settings: Settings);
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r1", "hello"));
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r2", "again"));

        await h.Silo.RestartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(31));

        Assert.Equal(ConversationStatus.Live, await h.StatusAsync(id));
    }

    /// <summary>A live conversation of c1 with a1, who has answered once (the write that stops the SLA).</summary>
    private static async Task<string> LiveConversationAsync(GrainsHarness h)
    {
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r1", "hello"));
        return id;
    }

    private static async Task<(ConversationSummary Agent1, ConversationSummary Agent2, ConversationSummary Anyone)> SummariesAsync(GrainsHarness h, string id) =>
        (await h.Conversation(id).GetSummaryAsync("a1"), await h.Conversation(id).GetSummaryAsync("a2"), await h.Conversation(id).GetSummaryAsync(null));
}
