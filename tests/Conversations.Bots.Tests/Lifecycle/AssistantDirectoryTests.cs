using Conversations.Bots.Lifecycle;

namespace Conversations.Bots.Tests.Lifecycle;

public sealed class AssistantDirectoryTests
{
    [Fact]
    public void Connect_SecondAssistantOnAChannel_ReplacesTheFirst()
    {
        var directory = new AssistantDirectory();
        var channel = AssistantDirectory.ChannelTarget("api-demo");
        directory.Connect(channel, "a");

        var replaced = directory.Connect(channel, "b");

        Assert.Equal("a", replaced);
        Assert.Equal("b", directory.Resolve(channel));
        Assert.Empty(directory.TargetsOf("a"));
    }

    [Fact]
    public void Resolve_TargetWithoutAssistant_IsNone()
    {
        var directory = new AssistantDirectory();
        directory.Connect(AssistantDirectory.SiteTarget("demo"), "a");

        Assert.Null(directory.Resolve(AssistantDirectory.SiteTarget("other")));
        Assert.False(directory.Disconnect(AssistantDirectory.SiteTarget("demo"), "b"));
        Assert.True(directory.Disconnect(AssistantDirectory.SiteTarget("demo"), "a"));
    }
}
