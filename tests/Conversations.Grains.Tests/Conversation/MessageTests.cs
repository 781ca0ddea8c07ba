using Conversations.Contracts;
using Conversations.Grains.Tests.Support;

namespace Conversations.Grains.Tests.Conversation;

public sealed class MessageTests
{
    [Fact]
    public async Task Send_SameClientMessageIdTwice_StoresOnceAndDoesNotAdvanceSeq()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        var first = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello"));
        var again = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello"));
        var next = await h.Contact("c1").SendAsync(new ContactMessage(id, "m2", "second"));

        Assert.Equal(first, again);
        Assert.Single(h.MessageLog.All(id), m => m.ClientMessageId == "m1");
        var seqs = h.MessageLog.All(id).Select(m => m.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        Assert.True(next.Seq > first.Seq);
    }

    [Fact]
    public async Task Send_SameClientMessageIdAfterSiloRestart_AnsweredWithTheStoredMessage()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        var first = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello"));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m2", "second"));

        await h.Silo.RestartAsync();
        var again = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello"));

        Assert.Equal(first, again);
        Assert.Single(h.MessageLog.All(id), m => m.ClientMessageId == "m1");
    }

    [Fact]
    public async Task Send_AfterSiloRestart_ContinuesSeqFromTheLog()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;
        var before = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello"));
        var lastBefore = h.MessageLog.All(id)[^1].Seq;

        await h.Silo.RestartAsync();
        var after = await h.Contact("c1").SendAsync(new ContactMessage(id, "m2", "again"));

        Assert.True(before.Seq < after.Seq);
        Assert.Equal(lastBefore + 1, after.Seq);
    }

    [Fact]
    public async Task Note_Written_NeverReachesTheCustomer()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var note = await h.Conversation(id).NoteAsync(new AgentMessage("a1", "n1", "private"));

        Assert.Equal(MessageKind.Note, note.Kind);
        Assert.DoesNotContain(await h.Conversation(id).CustomerHistoryAsync("c1", null, 100), m => m.Kind == MessageKind.Note);
        Assert.Contains(await h.Conversation(id).AgentHistoryAsync("a1", null, 100), m => m.Id == note.Id);
        Assert.DoesNotContain((await h.StartAsync("c1", GrainsHarness.OtherSite)).Messages, m => m.Kind == MessageKind.Note);
    }

    [Fact]
    public async Task Send_CustomerWritesLast_UnansweredUntilTheAgentReplies()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello"));
        Assert.True((await h.Conversation(id).GetSummaryAsync("a1")).Unanswered);
        await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r1", "hi"));

        Assert.False((await h.Conversation(id).GetSummaryAsync("a1")).Unanswered);
        Assert.False((await h.Index.GetAsync(id))!.Unanswered);
    }

    [Fact]
    public async Task AgentMarkRead_UpToTheLastCustomerMessage_ClearsUnreadForThatAgentOnly()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");
        await h.Conversation(id).WatchAsync("a2");
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "one"));
        var last = await h.Contact("c1").SendAsync(new ContactMessage(id, "m2", "two"));
        Assert.Equal(2, (await h.Conversation(id).GetSummaryAsync("a1")).Unread);

        await h.Conversation(id).AgentMarkReadAsync("a1", last.Seq);

        Assert.Equal(0, (await h.Conversation(id).GetSummaryAsync("a1")).Unread);
        Assert.Equal(2, (await h.Conversation(id).GetSummaryAsync("a2")).Unread);
        Assert.Equal(2, (await h.Index.GetAsync(id))!.UnreadByAgent["a2"]);
        Assert.Contains(h.Events.Of<ReadUpTo>(), e => e.ReaderId == "a1" && e.UpToSeq == last.Seq);
    }

    [Fact]
    public async Task Send_LiveConversation_PublishesMessageAndNotifiesTheAgent()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var message = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello"));

        Assert.Contains(h.Events.Of<MessageAdded>(), e => e.Message.Id == message.Id && e.AssignedAgentId == "a1" && e.SiteId == GrainsHarness.OtherSite);
        Assert.Contains(h.Events.Of<NotificationRaised>(), e => e.AgentId == "a1" && e.Kind == NotificationKind.Message);
        Assert.Equal("hello", (await h.Index.GetAsync(id))!.LastMessageText);
    }

    [Fact]
    public async Task Send_BurstOfCustomerLines_NotifiesTheAgentOncePerWindow()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "bonjour"));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m2", "j'ai une question"));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m3", "sur ma commande"));
        var burst = h.Events.Of<NotificationRaised>().Where(e => e.Kind == NotificationKind.Message).ToList();
        await h.AdvanceAsync(TimeSpan.FromSeconds(11));
        await h.Contact("c1").SendAsync(new ContactMessage(id, "m4", "vous êtes là ?"));

        Assert.Equal("bonjour", Assert.Single(burst).Body);
        Assert.Equal(4, h.Events.Of<MessageAdded>().Count(e => e.Message.Author.Kind == AuthorKind.Customer));
        Assert.Equal(["bonjour", "vous êtes là ?"], h.Events.Of<NotificationRaised>().Where(e => e.Kind == NotificationKind.Message).Select(e => e.Body));
    }

    [Fact]
    public async Task Send_FromAConnection_NamesItAsTheOrigin()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.OtherSite)).ConversationId;
        await h.Conversation(id).TakeAsync("a1");

        var customer = await h.Contact("c1").SendAsync(new ContactMessage(id, "m1", "hello", Origin: "widget-connection"));
        var agent = await h.Conversation(id).ReplyAsync(new AgentMessage("a1", "r1", "hi", Origin: "console-connection"));

        Assert.Equal("widget-connection", Assert.Single(h.Events.Of<MessageAdded>(), e => e.Message.Id == customer.Id).Origin);
        Assert.Equal("console-connection", Assert.Single(h.Events.Of<MessageAdded>(), e => e.Message.Id == agent.Id).Origin);
    }

    [Fact]
    public async Task Choose_OfferedOption_StoresTheLabel()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).ChooseAsync(new CustomerChoice("c1", "k1", "missing")));

        Assert.Equal(DomainErrors.InvalidArgument, error.Code);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public async Task Rate_OutOfRange_RefusedNamingTheScore()
    {
        await using var h = await GrainsHarness.StartAsync();
        var id = (await h.StartAsync("c1", GrainsHarness.BotSite)).ConversationId;

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Conversation(id).RateAsync("c1", 6, null));

        Assert.Equal(DomainErrors.InvalidArgument, error.Code);
        Assert.Contains("6", error.Message);
    }
}
