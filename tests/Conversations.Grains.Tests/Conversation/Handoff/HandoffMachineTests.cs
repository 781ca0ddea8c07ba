using Conversations.Contracts;
using Conversations.Grains.Conversation.Handoff;
using static Conversations.Grains.Conversation.Handoff.HandoffCommand;

namespace Conversations.Grains.Tests.Conversation.Handoff;

public sealed class HandoffMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly AgentRef Current = new("a1", "Alice");
    private static readonly AgentRef Other = new("a2", "Bob");
    private static readonly WorkspaceSettings Settings = new();

    // Every command in every status. "=" is "nothing changes"; a status is where the conversation goes;
    // anything else is the error code the client gets.
    private static readonly Dictionary<string, HandoffCommand> Commands = new()
    {
        ["askForAgent"] = new CustomerAskedForAgent(),
        ["assistantHandoff"] = new AssistantHandedOff(),
        ["misunderstood"] = new AssistantMisunderstood(2),
        ["helperUnavailable"] = new HelperUnavailable(Other),
        ["wroteAgain"] = new CustomerWroteAgain(),
        ["take"] = new Assign(Other, AssignReason.Took),
        ["assign"] = new Assign(Other, AssignReason.Assigned),
        ["transferToAgent"] = new Assign(Other, AssignReason.Transferred),
        ["reopen"] = new Assign(Other, AssignReason.Reopened),
        ["acceptHelp"] = new Assign(Other, AssignReason.AcceptedHelp),
        ["fromQueue"] = new Assign(Other, AssignReason.FromQueue),
        ["byAssistant"] = new Assign(Other, AssignReason.ByAssistant),
        ["transferToQueue"] = new TransferToQueue(null, null),
        ["offerHelp"] = new OfferHelp(Other),
        ["agentOffline"] = new AgentWentOffline(Current.Id),
        ["slaDue"] = new SlaDue(),
        ["returnToAssistant"] = new ReturnToAssistant("Back to the assistant."),
        ["close"] = new Close("Closed.", Other.Id),
    };

    public static TheoryData<string, ConversationStatus, string> Table() => new()
    {
        // command               from                         expected
        { "askForAgent", ConversationStatus.Bot, "waiting" },
        { "askForAgent", ConversationStatus.Waiting, "=" },
        { "askForAgent", ConversationStatus.Live, "=" },
        { "askForAgent", ConversationStatus.Closed, DomainErrors.ConversationClosed },
        { "assistantHandoff", ConversationStatus.Bot, "waiting" },
        { "assistantHandoff", ConversationStatus.Waiting, "=" },
        { "assistantHandoff", ConversationStatus.Live, "=" },
        { "assistantHandoff", ConversationStatus.Closed, "=" },
        { "misunderstood", ConversationStatus.Bot, "waiting" },
        { "misunderstood", ConversationStatus.Waiting, "=" },
        { "misunderstood", ConversationStatus.Live, "=" },
        { "misunderstood", ConversationStatus.Closed, "=" },
        { "helperUnavailable", ConversationStatus.Bot, "waiting" },
        { "helperUnavailable", ConversationStatus.Waiting, "=" },
        { "helperUnavailable", ConversationStatus.Live, "=" },
        { "helperUnavailable", ConversationStatus.Closed, "=" },
        { "wroteAgain", ConversationStatus.Bot, "=" },
        { "wroteAgain", ConversationStatus.Waiting, "=" },
        { "wroteAgain", ConversationStatus.Live, "=" },
        { "wroteAgain", ConversationStatus.Closed, "waiting" },
        { "take", ConversationStatus.Bot, "live" },
        { "take", ConversationStatus.Waiting, "live" },
        { "take", ConversationStatus.Live, DomainErrors.AlreadyAssigned },
        { "take", ConversationStatus.Closed, DomainErrors.ConversationClosed },
        { "assign", ConversationStatus.Bot, "live" },
        { "assign", ConversationStatus.Waiting, "live" },
        { "assign", ConversationStatus.Live, "live" },
        { "assign", ConversationStatus.Closed, DomainErrors.ConversationClosed },
        { "transferToAgent", ConversationStatus.Bot, DomainErrors.InvalidTransition },
        { "transferToAgent", ConversationStatus.Waiting, DomainErrors.InvalidTransition },
        { "transferToAgent", ConversationStatus.Live, "live" },
        { "transferToAgent", ConversationStatus.Closed, DomainErrors.InvalidTransition },
        { "reopen", ConversationStatus.Bot, DomainErrors.InvalidTransition },
        { "reopen", ConversationStatus.Waiting, DomainErrors.InvalidTransition },
        { "reopen", ConversationStatus.Live, DomainErrors.InvalidTransition },
        { "reopen", ConversationStatus.Closed, "live" },
        { "acceptHelp", ConversationStatus.Bot, DomainErrors.InvalidTransition },
        { "acceptHelp", ConversationStatus.Waiting, DomainErrors.InvalidTransition },
        { "acceptHelp", ConversationStatus.Live, DomainErrors.InvalidTransition },
        { "acceptHelp", ConversationStatus.Closed, DomainErrors.InvalidTransition },
        { "fromQueue", ConversationStatus.Bot, "=" },
        { "fromQueue", ConversationStatus.Waiting, "live" },
        { "fromQueue", ConversationStatus.Live, "=" },
        { "fromQueue", ConversationStatus.Closed, "=" },
        { "byAssistant", ConversationStatus.Bot, "live" },
        { "byAssistant", ConversationStatus.Waiting, "=" },
        { "byAssistant", ConversationStatus.Live, "=" },
        { "byAssistant", ConversationStatus.Closed, "=" },
        { "transferToQueue", ConversationStatus.Bot, DomainErrors.InvalidTransition },
        { "transferToQueue", ConversationStatus.Waiting, DomainErrors.InvalidTransition },
        { "transferToQueue", ConversationStatus.Live, "waiting" },
        { "transferToQueue", ConversationStatus.Closed, DomainErrors.InvalidTransition },
        { "offerHelp", ConversationStatus.Bot, "bot" },
        { "offerHelp", ConversationStatus.Waiting, DomainErrors.InvalidTransition },
        { "offerHelp", ConversationStatus.Live, DomainErrors.InvalidTransition },
        { "offerHelp", ConversationStatus.Closed, DomainErrors.InvalidTransition },
        { "agentOffline", ConversationStatus.Bot, "=" },
        { "agentOffline", ConversationStatus.Waiting, "=" },
        { "agentOffline", ConversationStatus.Live, "waiting" },
        { "agentOffline", ConversationStatus.Closed, "=" },
        { "slaDue", ConversationStatus.Bot, "=" },
        { "slaDue", ConversationStatus.Waiting, "=" },
        { "slaDue", ConversationStatus.Live, "waiting" },
        { "slaDue", ConversationStatus.Closed, "=" },
        { "returnToAssistant", ConversationStatus.Bot, DomainErrors.InvalidTransition },
        { "returnToAssistant", ConversationStatus.Waiting, "bot" },
        { "returnToAssistant", ConversationStatus.Live, "bot" },
        { "returnToAssistant", ConversationStatus.Closed, DomainErrors.InvalidTransition },
        { "close", ConversationStatus.Bot, "closed" },
        { "close", ConversationStatus.Waiting, "closed" },
        { "close", ConversationStatus.Live, "closed" },
        { "close", ConversationStatus.Closed, DomainErrors.ConversationClosed },
    };

    [Fact]
    public void Table_CoversEveryCommandInEveryStatus()
    {
        var covered = Table().Select(row => ((string)row[0], (ConversationStatus)row[1])).ToHashSet();

        Assert.Equal(Commands.Count * Enum.GetValues<ConversationStatus>().Length, covered.Count);
        Assert.All(Commands.Keys, name => Assert.All(Enum.GetValues<ConversationStatus>(), status => Assert.Contains((name, status), covered)));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_EveryCommandInEveryStatus_GoesWhereTheTableSaysAndKeepsTheInvariants(string command, ConversationStatus from, string expected)
    {
        var state = In(from);

        if (expected is "=" or "bot" or "waiting" or "live" or "closed")
        {
            var transition = HandoffMachine.Decide(state, Commands[command], Now, Settings);
            if (expected == "=")
            {
                Assert.False(transition.Changed);
                Assert.Same(state, transition.State);
                return;
            }

            Assert.Equal(expected, transition.State.Status.ToString().ToLowerInvariant());
            AssertInvariants(state, transition);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => HandoffMachine.Decide(state, Commands[command], Now, Settings));
            Assert.Equal(expected, error.Code);
            Assert.Contains(state.ConversationId, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Start_WithAssistant_BotWithoutQueue()
    {
        var transition = HandoffMachine.Decide(new HandoffState("c", "s", ConversationStatus.Bot, HasAssistant: true), new Start(), Now, Settings);

        Assert.Equal(ConversationStatus.Bot, transition.State.Status);
        Assert.DoesNotContain(transition.Effects, e => e is HandoffEffect.EnterQueue);
        Assert.Contains(new HandoffEffect.Analytics("conversation.bot", null), transition.Effects);
    }

    [Fact]
    public void Start_WithoutAssistant_WaitingInTheQueueWithHandoffNotification()
    {
        var transition = HandoffMachine.Decide(new HandoffState("c", "s", ConversationStatus.Bot, HasAssistant: false), new Start(), Now, Settings);

        Assert.Equal((ConversationStatus.Waiting, Now), (transition.State.Status, transition.State.WaitingSince));
        Assert.Contains(new HandoffEffect.EnterQueue(null), transition.Effects);
        Assert.Contains(transition.Effects, e => e is HandoffEffect.Notify { Kind: NotificationKind.Handoff, AgentId: null });
    }

    [Fact]
    public void ToQueue_HandoffNotificationsOff_NoNotification()
    {
        var transition = HandoffMachine.Decide(In(ConversationStatus.Bot), new CustomerAskedForAgent(), Now, Settings with { NotifyOnHandoff = false });

        Assert.DoesNotContain(transition.Effects, e => e is HandoffEffect.Notify);
    }

    [Fact]
    public void AcceptHelp_HelpOffered_LiveWithTheHelperAndOfferCleared()
    {
        var state = In(ConversationStatus.Bot) with { HelpOfferedBy = Other };

        var transition = HandoffMachine.Decide(state, new Assign(Other, AssignReason.AcceptedHelp), Now, Settings);

        Assert.Equal((ConversationStatus.Live, Other, null), (transition.State.Status, transition.State.Agent, transition.State.HelpOfferedBy));
        Assert.Contains(new HandoffEffect.SystemMessage("The customer accepted Bob's help."), transition.Effects);
    }

    [Fact]
    public void Assign_SameAgentAgain_CapacityNotReleased()
    {
        var transition = HandoffMachine.Decide(In(ConversationStatus.Live), new Assign(Current, AssignReason.Assigned), Now, Settings);

        Assert.DoesNotContain(transition.Effects, e => e is HandoffEffect.ReleaseAgent);
    }

    [Fact]
    public void Reopen_Closed_InactivityScheduledAgainAndReopenRecorded()
    {
        var transition = HandoffMachine.Decide(In(ConversationStatus.Closed), new Assign(Other, AssignReason.Reopened), Now, Settings);

        Assert.Contains(new HandoffEffect.ScheduleInactivity(), transition.Effects);
        Assert.Contains(new HandoffEffect.Analytics("conversation.reopened", Other.Id), transition.Effects);
        Assert.DoesNotContain(transition.Effects, e => e is HandoffEffect.ReleaseAgent);
    }

    [Fact]
    public void CustomerWroteAgain_Closed_InactivityScheduledAndQueued()
    {
        var transition = HandoffMachine.Decide(In(ConversationStatus.Closed), new CustomerWroteAgain(), Now, Settings);

        Assert.Equal(new HandoffEffect.ScheduleInactivity(), transition.Effects[0]);
        Assert.Contains(new HandoffEffect.Analytics("conversation.reopened", null), transition.Effects);
    }

    [Fact]
    public void TransferToQueue_Team_TeamQueueNamedInTheMessage()
    {
        var transition = HandoffMachine.Decide(In(ConversationStatus.Live), new TransferToQueue("t1", "Billing"), Now, Settings);

        Assert.Equal("t1", transition.State.TeamId);
        Assert.Contains(new HandoffEffect.EnterQueue("t1"), transition.Effects);
        Assert.Contains(new HandoffEffect.SystemMessage("Transferred to team Billing."), transition.Effects);
    }

    [Fact]
    public void AssistantHandedOff_ToATeam_TeamQueue()
    {
        var transition = HandoffMachine.Decide(In(ConversationStatus.Bot), new AssistantHandedOff("es"), Now, Settings);

        Assert.Equal(("es", ConversationStatus.Waiting), (transition.State.TeamId, transition.State.Status));
        Assert.Contains(new HandoffEffect.EnterQueue("es"), transition.Effects);
    }

    [Fact]
    public void SlaDue_AgentAnsweredOrNotYetDue_Unchanged()
    {
        var answered = In(ConversationStatus.Live) with { AgentAnswered = true };
        var recent = In(ConversationStatus.Live) with { AssignedAt = Now - TimeSpan.FromSeconds(Settings.SlaSeconds - 1) };

        Assert.False(HandoffMachine.Decide(answered, new SlaDue(), Now, Settings).Changed);
        Assert.False(HandoffMachine.Decide(recent, new SlaDue(), Now, Settings).Changed);
        Assert.True(HandoffMachine.Decide(recent, new SlaDue(), Now + TimeSpan.FromSeconds(1), Settings).Changed);
    }

    [Fact]
    public void AgentWentOffline_AnotherAgentsConversation_Unchanged()
    {
        Assert.False(HandoffMachine.Decide(In(ConversationStatus.Live), new AgentWentOffline(Other.Id), Now, Settings).Changed);
    }

    [Fact]
    public void Close_Live_LastAgentKeptReleasedAndClosedByRecorded()
    {
        var transition = HandoffMachine.Decide(In(ConversationStatus.Live), new Close("Closed.", Other.Id), Now, Settings);

        Assert.Equal(Current, transition.State.Agent);
        Assert.Contains(new HandoffEffect.ReleaseAgent(Current.Id), transition.Effects);
        Assert.Contains(new HandoffEffect.StopInactivity(), transition.Effects);
        Assert.Contains(new HandoffEffect.Analytics("conversation.closed.by", Other.Id, "{\"reason\":\"agent\"}"), transition.Effects);
    }

    [Fact]
    public void Close_ByInactivity_ReasonRecorded()
    {
        var transition = HandoffMachine.Decide(In(ConversationStatus.Bot), new Close("Idle.", null), Now, Settings);

        Assert.Contains(new HandoffEffect.Analytics("conversation.closed.by", null, "{\"reason\":\"inactivity\"}"), transition.Effects);
    }

    [Fact]
    public void ReturnToAssistant_NoAssistant_RefusedNamingTheSite()
    {
        var error = Assert.Throws<DomainException>(() => HandoffMachine.Decide(In(ConversationStatus.Live) with { HasAssistant = false }, new ReturnToAssistant("x"), Now, Settings));

        Assert.Equal(DomainErrors.InvalidTransition, error.Code);
        Assert.Contains("'site'", error.Message, StringComparison.Ordinal);
    }

    private static HandoffState In(ConversationStatus status) => status switch
    {
        ConversationStatus.Waiting => new HandoffState("conv", "site", status, HasAssistant: true, WaitingSince: Now.AddMinutes(-5), FallbackCount: 0),
        ConversationStatus.Live => new HandoffState("conv", "site", status, HasAssistant: true, Agent: Current, AssignedAt: Now.AddHours(-1)),
        ConversationStatus.Closed => new HandoffState("conv", "site", status, HasAssistant: true, Agent: Current),
        _ => new HandoffState("conv", "site", status, HasAssistant: true, FallbackCount: 1),
    };

    private static void AssertInvariants(HandoffState from, HandoffTransition transition)
    {
        var (next, effects) = (transition.State, transition.Effects);
        var releases = effects.OfType<HandoffEffect.ReleaseAgent>().ToList();
        if (from.Status == ConversationStatus.Live && next.Agent != from.Agent || from.Status == ConversationStatus.Live && next.Status != ConversationStatus.Live)
        {
            // Capacity a live agent held is given back exactly once, and may serve the next customer.
            Assert.Equal([new HandoffEffect.ReleaseAgent(from.Agent!.Id)], releases);
        }
        else
        {
            Assert.Empty(releases);
        }

        Assert.Equal(from.Status == ConversationStatus.Waiting && next.Status != ConversationStatus.Waiting, effects.OfType<HandoffEffect.LeaveQueue>().Any());
        Assert.Equal(transition.Announced ? 1 : 0, effects.OfType<HandoffEffect.SystemMessage>().Count());
        switch (next.Status)
        {
            case ConversationStatus.Live:
                Assert.Equal((Now, false, null, null), (next.AssignedAt, next.AgentAnswered, next.WaitingSince, next.HelpOfferedBy));
                Assert.Contains(new HandoffEffect.StartSla(), effects);
                Assert.Contains(new HandoffEffect.AddParticipant(next.Agent!.Id), effects);
                Assert.Contains(effects, e => e is HandoffEffect.Notify { Kind: NotificationKind.Assigned } n && n.AgentId == next.Agent.Id);
                break;
            case ConversationStatus.Waiting:
                Assert.Equal((null, Now, 0), (next.Agent, next.WaitingSince, next.FallbackCount));
                Assert.Single(effects.OfType<HandoffEffect.EnterQueue>());
                break;
            case ConversationStatus.Bot when from.Status != ConversationStatus.Bot:
                Assert.Equal((null, null, 0), (next.Agent, next.WaitingSince, next.FallbackCount));
                break;
            case ConversationStatus.Closed:
                Assert.Equal((from.LiveAgent, null, null), (next.Agent, next.WaitingSince, next.AssignedAt));
                break;
        }

        if (from.Status == ConversationStatus.Live && !from.AgentAnswered && next.Status != ConversationStatus.Live)
        {
            Assert.Contains(new HandoffEffect.StopSla(), effects);
        }
    }
}
