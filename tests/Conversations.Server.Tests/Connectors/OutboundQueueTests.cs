using Conversations.Contracts;
using Conversations.Server.Connectors;

namespace Conversations.Server.Tests.Connectors;

public sealed class OutboundQueueTests
{
    private const string ChannelId = "api-demo";
    private static readonly string ChannelContact = ChannelContacts.ContactId(ChannelId, "user:42");

    [Theory]
    [InlineData(AuthorKind.Bot, MessageKind.Text, true)]
    [InlineData(AuthorKind.Agent, MessageKind.Image, true)]
    [InlineData(AuthorKind.System, MessageKind.System, true)]
    [InlineData(AuthorKind.Agent, MessageKind.Note, false)]
    [InlineData(AuthorKind.Customer, MessageKind.Text, false)]
    public void Handle_ChannelConversation_QueuesOnlyWhatTheCustomerSees(AuthorKind author, MessageKind kind, bool queued)
    {
        var queue = new OutboundQueue();

        queue.Handle(Added(ChannelId, ChannelContact, author, kind));

        Assert.Equal(queued, queue.Reader.TryRead(out var request));
        if (queued)
        {
            Assert.Equal((ChannelId, "user:42"), (request!.ChannelId, request.UserId));
        }
    }

    [Fact]
    public void Handle_WebConversation_QueuesNothing()
    {
        var queue = new OutboundQueue();

        queue.Handle(Added("demo", "visitor-contact", AuthorKind.Bot, MessageKind.Text));
        queue.Handle(Added("other-channel", ChannelContact, AuthorKind.Bot, MessageKind.Text));

        Assert.False(queue.Reader.TryRead(out _));
    }

    [Theory]
    [InlineData(1, 50, 100)]
    [InlineData(2, 100, 200)]
    [InlineData(3, 200, 400)]
    [InlineData(20, 500, 1000)]
    public void RetryBackoff_Attempts_GrowsExponentiallyWithinJitterAndCap(int attempts, double minMs, double maxMs)
    {
        var random = new Random(attempts);

        for (var i = 0; i < 20; i++)
        {
            var delay = RetryBackoff.After(attempts, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), random).TotalMilliseconds;
            Assert.InRange(delay, minMs, maxMs);
        }
    }

    private static MessageAdded Added(string siteId, string contactId, AuthorKind author, MessageKind kind) =>
        new("demo", siteId, "c1", contactId, null, new Message("m1", "c1", 1, kind, new MessageAuthor(author, "a1", "A"), "hi", null, null, null, DateTimeOffset.UtcNow));
}
