using Conversations.Contracts;
using static Conversations.Grains.Conversation.Handoff.HandoffCommand;
using static Conversations.Grains.Conversation.Handoff.HandoffEffect;

namespace Conversations.Grains.Conversation.Handoff;

/// <summary>The handoff state machine of DESIGN.md: bot → waiting → live → closed, and back. Pure: it
/// takes the state and a command and returns the next state and its effects, or throws the
/// <see cref="DomainException"/> a client gets for a transition its status does not allow.</summary>
public static class HandoffMachine
{
    public static HandoffTransition Decide(HandoffState state, HandoffCommand command, DateTimeOffset now, WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(settings);
        return command switch
        {
            Start when state.HasAssistant => ToAssistant(state, "The assistant answers this conversation."),
            Start => ToQueue(state, now, settings, "Waiting for an agent.", "conversation.waiting"),

            CustomerAskedForAgent => RequireOpen(state).Status == ConversationStatus.Bot
                ? ToQueue(state, now, settings, "The customer asked for a human.", "conversation.waiting", state.AssistantTeamId)
                : HandoffTransition.None(state),
            AssistantHandedOff h when state.Status == ConversationStatus.Bot =>
                ToQueue(state, now, settings, "The assistant handed the conversation over to a human.", "conversation.waiting", h.TeamId ?? state.AssistantTeamId),
            AssistantMisunderstood m when state.Status == ConversationStatus.Bot =>
                ToQueue(state, now, settings, $"The assistant did not understand {m.Times} times in a row: waiting for an agent.", "conversation.waiting.fallback", state.AssistantTeamId),
            HelperUnavailable h when state.Status == ConversationStatus.Bot =>
                ToQueue(state, now, settings, $"{h.Agent.Name} is no longer available: waiting for an agent.", "conversation.waiting", state.AssistantTeamId),
            CustomerWroteAgain when state.Status == ConversationStatus.Closed =>
                Prepend(new ScheduleInactivity(), ToQueue(state, now, settings, "The customer wrote again: the conversation is reopened.", "conversation.reopened")),

            Assign a => Assign(state, a, now),
            TransferToQueue t => ToQueue(
                RequireLive(state, "transferred"), now, settings, t.TeamName is null ? "Transferred to the queue." : $"Transferred to team {t.TeamName}.", "conversation.transferred", t.TeamId),
            OfferHelp o => OfferHelp(state, o.Agent),

            AgentWentOffline o when state.LiveAgent?.Id == o.AgentId =>
                ToQueue(state, now, settings, $"{state.Agent!.Name} went offline: waiting for another agent.", "conversation.requeued.offline"),
            SlaDue when state.LiveAgent is { } agent && !state.AgentAnswered && state.AssignedAt + TimeSpan.FromSeconds(settings.SlaSeconds) <= now =>
                ToQueue(state, now, settings, $"{agent.Name} did not answer within {settings.SlaSeconds} seconds: back to the queue.", "conversation.requeued.sla"),

            ReturnToAssistant r => ReturnToAssistant(state, r.Text),
            Close c => Close(RequireOpen(state), c),

            _ => HandoffTransition.None(state),
        };
    }

    private static HandoffTransition ToAssistant(HandoffState state, string text)
    {
        var effects = Release(state);
        var next = state with { Status = ConversationStatus.Bot, Agent = null, AssignedAt = null, WaitingSince = null, TeamId = null, FallbackCount = 0 };
        effects.Add(new SystemMessage(text));
        effects.Add(new Analytics("conversation.bot", null));
        if (state.Status == ConversationStatus.Waiting)
        {
            effects.Add(new LeaveQueue(Assigned: false));
        }

        return new HandoffTransition(next, effects) { Announced = true };
    }

    private static HandoffTransition ToQueue(HandoffState state, DateTimeOffset now, WorkspaceSettings settings, string text, string analyticsType, string? teamId = null)
    {
        var effects = Release(state);
        var next = state with { Status = ConversationStatus.Waiting, Agent = null, AssignedAt = null, WaitingSince = now, TeamId = teamId, HelpOfferedBy = null, FallbackCount = 0 };
        effects.Add(new SystemMessage(text));
        effects.Add(new Analytics(analyticsType, null));
        if (settings.NotifyOnHandoff)
        {
            effects.Add(new Notify(NotificationKind.Handoff, null, "A customer is waiting"));
        }

        effects.Add(new EnterQueue(teamId));
        return new HandoffTransition(next, effects) { Announced = true };
    }

    private static HandoffTransition Assign(HandoffState state, Assign command, DateTimeOffset now)
    {
        var (agent, reason) = (command.Agent, command.Reason);
        var (allowed, verb) = reason switch
        {
            AssignReason.Took => (RequireNotLive(RequireOpen(state)), $"{agent.Name} took the conversation."),
            AssignReason.Assigned => (RequireOpen(state), $"{agent.Name} was assigned the conversation."),
            AssignReason.Transferred => (RequireLive(state, "transferred"), $"{agent.Name} received the conversation by transfer."),
            AssignReason.Reopened => (RequireClosed(state), $"{agent.Name} reopened the conversation."),
            AssignReason.AcceptedHelp => (RequireHelpOffered(state), $"The customer accepted {agent.Name}'s help."),
            AssignReason.FromQueue => (state.Status == ConversationStatus.Waiting ? state : null, $"{agent.Name} joined the conversation."),
            AssignReason.ByAssistant => (state.Status == ConversationStatus.Bot ? state : null, $"{agent.Name} joined the conversation."),
            _ => throw new ArgumentOutOfRangeException(nameof(command), reason, "Unknown assignment reason."),
        };
        if (allowed is null)
        {
            // Routing or the assistant raced a change: the conversation is no longer theirs to assign.
            return HandoffTransition.None(state);
        }

        var effects = new List<HandoffEffect>();
        if (state.LiveAgent is { } previous && previous.Id != agent.Id)
        {
            effects.Add(new ReleaseAgent(previous.Id));
        }

        var next = state with { Status = ConversationStatus.Live, Agent = agent, AssignedAt = now, AgentAnswered = false, WaitingSince = null, TeamId = null, HelpOfferedBy = null };
        effects.Add(new AddParticipant(agent.Id));
        effects.Add(new SystemMessage(verb));
        effects.Add(new Analytics(reason == AssignReason.Reopened ? "conversation.reopened" : "conversation.live", agent.Id));
        effects.Add(new StartSla());
        if (reason == AssignReason.Reopened)
        {
            effects.Add(new ScheduleInactivity());
        }

        effects.Add(new Notify(NotificationKind.Assigned, agent.Id, "Conversation assigned"));
        if (state.Status == ConversationStatus.Waiting)
        {
            effects.Add(new LeaveQueue(Assigned: true));
        }

        return new HandoffTransition(next, effects) { Announced = true };
    }

    private static HandoffTransition OfferHelp(HandoffState state, AgentRef agent)
    {
        if (state.Status != ConversationStatus.Bot)
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"Help is offered while the assistant handles the conversation; conversation '{state.ConversationId}' is {state.StatusName}.");
        }

        return new HandoffTransition(state with { HelpOfferedBy = agent }, [new HandoffEffect.HelpOffered(agent)]);
    }

    private static HandoffTransition ReturnToAssistant(HandoffState state, string text)
    {
        if (state.Status is not (ConversationStatus.Live or ConversationStatus.Waiting))
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"Conversation '{state.ConversationId}' is {state.StatusName}; only a waiting or live conversation returns to the assistant.");
        }

        if (!state.HasAssistant)
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"Site '{state.SiteId}' has no published assistant to return conversation '{state.ConversationId}' to.");
        }

        return ToAssistant(state, text);
    }

    private static HandoffTransition Close(HandoffState state, Close command)
    {
        var effects = Release(state);
        effects.Add(new StopInactivity());

        // The last agent stays on a closed conversation, for reporting and for "reopen".
        var next = state with { Status = ConversationStatus.Closed, Agent = state.LiveAgent, AssignedAt = null, WaitingSince = null, TeamId = null, HelpOfferedBy = null };
        effects.Add(new SystemMessage(command.Text));
        effects.Add(new Analytics("conversation.closed", state.LiveAgent?.Id));
        effects.Add(new Analytics("conversation.closed.by", command.AgentId, command.AgentId is null ? "{\"reason\":\"inactivity\"}" : "{\"reason\":\"agent\"}"));
        if (state.Status == ConversationStatus.Waiting)
        {
            effects.Add(new LeaveQueue(Assigned: false));
        }

        return new HandoffTransition(next, effects) { Announced = true };
    }

    /// <summary>A live agent gets its capacity back, which may serve the next customer waiting, and an SLA
    /// still running stops (it runs only from an assignment to the agent's first answer; a stale one that
    /// a crash left behind finds the conversation no longer due and ends itself).</summary>
    private static List<HandoffEffect> Release(HandoffState state)
    {
        List<HandoffEffect> effects = [];
        if (state.LiveAgent is { } agent)
        {
            if (!state.AgentAnswered)
            {
                effects.Add(new StopSla());
            }

            effects.Add(new ReleaseAgent(agent.Id));
            effects.Add(new DispatchQueue());
        }

        return effects;
    }

    private static HandoffTransition Prepend(HandoffEffect effect, HandoffTransition transition) =>
        transition with { Effects = [effect, .. transition.Effects] };

    private static HandoffState RequireOpen(HandoffState state) => state.Status != ConversationStatus.Closed
        ? state
        : throw new DomainException(DomainErrors.ConversationClosed, $"Conversation '{state.ConversationId}' is closed.");

    private static HandoffState RequireNotLive(HandoffState state) => state.Status != ConversationStatus.Live
        ? state
        : throw new DomainException(DomainErrors.AlreadyAssigned, $"Conversation '{state.ConversationId}' is already assigned to agent '{state.Agent?.Id}'.");

    private static HandoffState RequireLive(HandoffState state, string verb) => state.Status == ConversationStatus.Live
        ? state
        : throw new DomainException(DomainErrors.InvalidTransition, $"Only a live conversation can be {verb}; conversation '{state.ConversationId}' is {state.StatusName}.");

    private static HandoffState RequireClosed(HandoffState state) => state.Status == ConversationStatus.Closed
        ? state
        : throw new DomainException(DomainErrors.InvalidTransition, $"Conversation '{state.ConversationId}' is {state.StatusName}, not closed.");

    private static HandoffState RequireHelpOffered(HandoffState state) => state is { Status: ConversationStatus.Bot, HelpOfferedBy: not null }
        ? state
        : throw new DomainException(DomainErrors.InvalidTransition, $"No agent offered help in conversation '{state.ConversationId}'.");
}
