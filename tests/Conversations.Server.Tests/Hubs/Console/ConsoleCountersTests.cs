using Conversations.Server.Hubs.Console;

namespace Conversations.Server.Tests.Hubs.Console;

public sealed class ConsoleCountersTests
{
    [Fact]
    public void SetUnread_ChangedOnlyWhenAConversationTurnsUnreadOrRead()
    {
        var counters = new ConsoleCounters();

        Assert.True(counters.SetUnread("a1", "c1", 1));
        Assert.False(counters.SetUnread("a1", "c1", 2));
        Assert.False(counters.SetUnread("a1", "c1", 7));
        Assert.True(counters.SetUnread("a1", "c2", 1));
        Assert.True(counters.SetUnread("a1", "c1", 0));
        Assert.False(counters.SetUnread("a1", "c1", 0));
        Assert.False(counters.SetUnread("a2", "c1", 0));
    }
}
