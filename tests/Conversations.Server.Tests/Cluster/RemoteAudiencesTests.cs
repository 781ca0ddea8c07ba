using System.Net;
using Conversations.Contracts;
using Conversations.Server.Cluster;

namespace Conversations.Server.Tests.Cluster;

/// <summary>What decides which silo hears which event: the keys of an event and the announcements of a silo.</summary>
public sealed class RemoteAudiencesTests
{
    private static readonly SiloAddress Other = SiloAddress.New(IPAddress.Loopback, 11112, 1);

    [Fact]
    public void Wants_SiloNotHeardFromYet_GetsEveryEvent()
    {
        var audiences = new RemoteAudiences();

        Assert.True(audiences.Wants(Other, [AudienceKeys.Contact("c1")]));
    }

    [Fact]
    public void Wants_AfterFullAnnouncement_OnlyFollowedKeys()
    {
        var audiences = new RemoteAudiences();

        audiences.Apply(Other, 1, full: true, [AudienceKeys.Contact("c1")], []);

        Assert.True(audiences.Wants(Other, [AudienceKeys.Conversation("x"), AudienceKeys.Contact("c1")]));
        Assert.False(audiences.Wants(Other, [AudienceKeys.Contact("c2")]));
        Assert.True(audiences.Wants(Other, null));
    }

    [Fact]
    public void Apply_LateAnnouncementAfterNewerFullSet_Ignored()
    {
        var audiences = new RemoteAudiences();
        audiences.Apply(Other, 3, full: true, [AudienceKeys.Contact("c1")], []);

        audiences.Apply(Other, 2, full: false, [], [AudienceKeys.Contact("c1")]);

        Assert.True(audiences.Wants(Other, [AudienceKeys.Contact("c1")]));
    }

    [Fact]
    public void Forget_SiloThatLeft_BackToEverything()
    {
        var audiences = new RemoteAudiences();
        audiences.Apply(Other, 1, full: true, [], []);

        audiences.Forget(Other);

        Assert.True(audiences.Wants(Other, [AudienceKeys.Contact("c1")]));
    }

    [Fact]
    public void For_MessageOfAssignedConversation_WidgetWatchersAndAgentNotTheSite()
    {
        var message = new MessageAdded("w", "s", "conv", "contact", "agent", null!);

        var keys = AudienceKeys.For(message);

        Assert.Equal([AudienceKeys.Contact("contact"), AudienceKeys.Conversation("conv"), AudienceKeys.Agent("agent")], keys!);
    }

    [Fact]
    public void For_MessageOfUnassignedConversation_TheSiteFollows()
    {
        var keys = AudienceKeys.For(new MessageAdded("w", "s", "conv", "contact", null, null!));

        Assert.Contains(AudienceKeys.Site("w", "s"), keys!);
    }

    [Fact]
    public void For_QueueCounters_TheWorkspaceFollows()
    {
        Assert.Equal([AudienceKeys.Workspace("w")], AudienceKeys.For(new QueueCountersChanged("w", "s", 1, 1))!);
    }
}
