using Conversations.Contracts;
using Conversations.Grains.Conversation.Handoff;
using Conversations.Grains.Persistence;

namespace Conversations.Grains.Conversation;

/// <summary>Handoff transitions: each command goes through <see cref="HandoffMachine"/>, whose effects are carried out here; routing's offers, agents going offline and the SLA and inactivity reminders.</summary>
public sealed partial class ConversationGrain
{
    public async Task OfferFromQueueAsync(string agentId)
    {
        if (State.Status != ConversationStatus.Waiting)
        {
            // Taken, closed or back to the bot since routing queued it: the entry is stale.
            await Routing().RemoveAsync(Id, assigned: false);
            return;
        }

        if (!await TryAssignAsync(agentId, AssignReason.FromQueue))
        {
            await Routing().DeclineAsync(Id, agentId);
            return;
        }

        await SaveAsync();
    }

    public async Task AgentWentOfflineAsync(string agentId)
    {
        if ((await ApplyAsync(new HandoffCommand.AgentWentOffline(agentId))).Changed)
        {
            await SaveAsync();
        }
        else
        {
            // Not (or no longer) this agent's: make sure the agent does not keep capacity for it.
            await GrainFactory.GetGrain<IAgentGrain>(agentId).ReleaseAsync(Id);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!State.Started || State.Status == ConversationStatus.Closed)
        {
            await UnregisterIfPresentAsync(reminderName);
            return;
        }

        var workspace = await WorkspaceAsync();
        var now = clock.GetUtcNow();
        if (reminderName == SlaReminder)
        {
            await UnregisterIfPresentAsync(SlaReminder);
            if ((await ApplyAsync(new HandoffCommand.SlaDue())).Changed)
            {
                await SaveAsync();
            }
        }
        else if (reminderName == InactivityReminder)
        {
            var inactivity = TimeSpan.FromMinutes(workspace.Settings.InactivityMinutes);
            var idle = now - State.LastActivityAt;
            if (idle >= inactivity)
            {
                await ApplyAsync(new HandoffCommand.Close($"Closed after {workspace.Settings.InactivityMinutes} minutes without activity.", null));
                await SaveAsync();
            }
            else
            {
                // Activity moved the deadline: one reminder re-aimed, rather than a reminder write per message.
                await this.RegisterOrUpdateReminder(InactivityReminder, inactivity - idle, inactivity);
            }
        }
    }

    /// <summary>Checks that the status allows the assignment before the agent's capacity is reserved (whose
    /// refusal names its precise reason), then applies it.</summary>
    private async Task AssignOrThrowAsync(AgentView agent, AssignReason reason)
    {
        // Settings shape only the effects, never whether a transition is allowed: defaults do for the check.
        HandoffMachine.Decide(Handoff(), new HandoffCommand.Assign(agent.ToRef(), reason), clock.GetUtcNow(), new WorkspaceSettings());
        var reserved = await GrainFactory.GetGrain<IAgentGrain>(agent.Profile.Id).ReserveAsync(Id, State.SiteId);
        await ApplyAsync(new HandoffCommand.Assign(reserved.ToRef(), reason));
        await SaveAsync();
    }

    /// <summary>Assigns when the agent can still take the conversation; false (nothing changed) otherwise.</summary>
    private async Task<bool> TryAssignAsync(string agentId, AssignReason reason)
    {
        AgentView reserved;
        try
        {
            reserved = await GrainFactory.GetGrain<IAgentGrain>(agentId).ReserveAsync(Id, State.SiteId);
        }
        catch (DomainException)
        {
            return false;
        }

        if (!(await ApplyAsync(new HandoffCommand.Assign(reserved.ToRef(), reason))).Changed)
        {
            await GrainFactory.GetGrain<IAgentGrain>(agentId).ReleaseAsync(Id);
            return false;
        }

        return true;
    }

    /// <summary>One transition: decided by <see cref="HandoffMachine"/>, adopted, and its effects carried out
    /// in order. The caller stores the state once, after its last transition.</summary>
    private async Task<HandoffTransition> ApplyAsync(HandoffCommand command)
    {
        var settings = (await WorkspaceAsync()).Settings;
        var previous = State.Status;
        var transition = HandoffMachine.Decide(Handoff(), command, clock.GetUtcNow(), settings);
        var next = transition.State;
        (State.Status, State.Agent, State.TeamId, State.WaitingSince) = (next.Status, next.Agent, next.TeamId, next.WaitingSince);
        (State.AssignedAt, State.AgentAnswered, State.FallbackCount, State.HelpOfferedBy) = (next.AssignedAt, next.AgentAnswered, next.FallbackCount, next.HelpOfferedBy);
        foreach (var effect in transition.Effects)
        {
            await RunAsync(effect, settings);
            if (effect is HandoffEffect.SystemMessage && transition.Announced)
            {
                events.Publish(new ConversationStateChanged(State.WorkspaceId, State.SiteId, State.ContactId, previous, ToState()));
            }
        }

        return transition;
    }

    private async Task RunAsync(HandoffEffect effect, WorkspaceSettings settings)
    {
        switch (effect)
        {
            case HandoffEffect.SystemMessage m:
                await AppendAsync(MessageKind.System, SystemAuthor, m.Text, null, null, null, null);
                break;
            case HandoffEffect.Analytics a:
                analytics.Record(new AnalyticsEvent(State.WorkspaceId, a.Type, Id, a.AgentId, clock.GetUtcNow(), a.Data));
                break;
            case HandoffEffect.ReleaseAgent r:
                await GrainFactory.GetGrain<IAgentGrain>(r.AgentId).ReleaseAsync(Id);
                break;
            case HandoffEffect.DispatchQueue:
                await Routing().DispatchAsync();
                break;
            case HandoffEffect.EnterQueue q:
                await Routing().EnqueueAsync(new QueueEntry(Id, State.ContactId, State.WaitingSince!.Value, State.Priority, q.TeamId));
                break;
            case HandoffEffect.LeaveQueue l:
                await Routing().RemoveAsync(Id, l.Assigned);
                break;
            case HandoffEffect.AddParticipant p when !State.Participants.Contains(p.AgentId):
                State.Participants.Add(p.AgentId);
                break;
            case HandoffEffect.StartSla:
                var sla = TimeSpan.FromSeconds(settings.SlaSeconds);
                await this.RegisterOrUpdateReminder(SlaReminder, sla, sla);
                break;
            case HandoffEffect.StopSla:
                await UnregisterIfPresentAsync(SlaReminder);
                break;
            case HandoffEffect.ScheduleInactivity:
                await ScheduleInactivityAsync(settings);
                break;
            case HandoffEffect.StopInactivity:
                await UnregisterIfPresentAsync(InactivityReminder);
                break;
            case HandoffEffect.Notify n:
                events.Publish(new NotificationRaised(State.WorkspaceId, State.SiteId, Id, n.AgentId, n.Kind, n.Title, State.ContactName));
                break;
            case HandoffEffect.HelpOffered h:
                events.Publish(new HelpOffered(State.WorkspaceId, State.SiteId, Id, State.ContactId, h.Agent));
                break;
        }
    }

    private HandoffState Handoff() => new(
        Id, State.SiteId, State.Status, State.AssistantId is not null, State.Agent, State.TeamId, State.WaitingSince, State.AssignedAt, State.AgentAnswered, State.FallbackCount, State.HelpOfferedBy, State.AssistantTeamId);

    private async Task ScheduleInactivityAsync(WorkspaceSettings settings)
    {
        var inactivity = TimeSpan.FromMinutes(settings.InactivityMinutes);
        await this.RegisterOrUpdateReminder(InactivityReminder, inactivity, inactivity);
    }

    private async Task UnregisterIfPresentAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private IRoutingGrain Routing() => GrainFactory.GetGrain<IRoutingGrain>(RoutingKeys.ForSite(State.WorkspaceId, State.SiteId));
}
