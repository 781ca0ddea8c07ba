using Conversations.Contracts;

namespace Conversations.Grains.Agent;

/// <summary>An agent's availability and load. Capacity is reserved here, one conversation at a time,
/// so an agent can never be over capacity whatever the number of concurrent assignments.</summary>
[GrainType("AgentGrain")]
public sealed class AgentGrain(
    [PersistentState("agent")] IPersistentState<AgentGrainState> state,
    IConversationEventSink events,
    TimeProvider clock) : Grain, IAgentGrain, IRemindable
{
    private const string OfflineGraceReminder = "offline-grace";

    private AgentGrainState State => state.State;

    public Task<AgentView> GetAsync() => Task.FromResult(ToView());

    public async Task<AgentView> SetStatusAsync(AgentStatus status)
    {
        var profile = RequireProfile();
        if (State.Status == status)
        {
            return ToView();
        }

        State.Status = status;
        State.LastActivityAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        events.Publish(new AgentPresenceChanged(profile.WorkspaceId, profile.Id, status));
        if (status == AgentStatus.Offline)
        {
            if (State.ActiveConversationIds.Count > 0)
            {
                var workspace = await GrainFactory.GetGrain<IWorkspaceGrain>(profile.WorkspaceId).GetAsync();
                var grace = TimeSpan.FromSeconds(workspace.Settings.OfflineGraceSeconds);
                await this.RegisterOrUpdateReminder(OfflineGraceReminder, grace, grace);
            }
        }
        else
        {
            await UnregisterIfPresentAsync(OfflineGraceReminder);
            if (status == AgentStatus.Online)
            {
                await DispatchAllowedSitesAsync(profile);
            }
        }

        return ToView();
    }

    public async Task SetProfileAsync(AgentProfile profile)
    {
        State.Profile = profile;
        await state.WriteStateAsync();
    }

    public async Task SetLicensedAsync(bool licensed)
    {
        State.Licensed = licensed;
        await state.WriteStateAsync();
        if (licensed && State.Profile is { } profile && State.Status == AgentStatus.Online)
        {
            await DispatchAllowedSitesAsync(profile);
        }
    }

    public async Task<AgentView> ReserveAsync(string conversationId, string siteId)
    {
        var profile = State.Profile ?? throw new DomainException(DomainErrors.AgentUnknown, $"Agent '{this.GetPrimaryKeyString()}' does not exist.");
        if (State.ActiveConversationIds.Contains(conversationId))
        {
            return ToView();
        }

        if (!State.Licensed)
        {
            throw new DomainException(DomainErrors.AgentNotLicensed, $"Agent '{profile.Id}' has no licence.");
        }

        if (State.Status != AgentStatus.Online)
        {
            throw new DomainException(DomainErrors.AgentOffline, $"Agent '{profile.Id}' is {State.Status.ToString().ToLowerInvariant()}, not online.");
        }

        if (!ToView().IsAllowedOn(siteId))
        {
            throw new DomainException(DomainErrors.AgentNotAllowedOnSite, $"Agent '{profile.Id}' is not allowed on site '{siteId}'.");
        }

        if (State.ActiveConversationIds.Count >= profile.Capacity)
        {
            throw new DomainException(DomainErrors.AgentAtCapacity, $"Agent '{profile.Id}' already has {State.ActiveConversationIds.Count} of {profile.Capacity} live conversations.");
        }

        State.ActiveConversationIds.Add(conversationId);
        State.LastAssignedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        events.Publish(new AgentLoadChanged(profile.WorkspaceId, profile.Id, State.ActiveConversationIds.Count, profile.Capacity));
        return ToView();
    }

    public async Task ReleaseAsync(string conversationId)
    {
        if (!State.ActiveConversationIds.Remove(conversationId))
        {
            return;
        }

        await state.WriteStateAsync();
        if (State.Profile is { } profile)
        {
            events.Publish(new AgentLoadChanged(profile.WorkspaceId, profile.Id, State.ActiveConversationIds.Count, profile.Capacity));
        }
    }

    public async Task RecordMessageAsync()
    {
        State.MessageCount++;
        State.LastActivityAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await UnregisterIfPresentAsync(reminderName);
        if (reminderName != OfflineGraceReminder || State.Status != AgentStatus.Offline)
        {
            return;
        }

        // One way: the conversations call back into this grain to release capacity.
        foreach (var conversationId in State.ActiveConversationIds.ToList())
        {
            await GrainFactory.GetGrain<IConversationGrain>(conversationId).AgentWentOfflineAsync(this.GetPrimaryKeyString());
        }
    }

    private async Task DispatchAllowedSitesAsync(AgentProfile profile)
    {
        var workspace = await GrainFactory.GetGrain<IWorkspaceGrain>(profile.WorkspaceId).GetAsync();
        var scopes = workspace.Sites.Select(s => s.Id).Concat(workspace.Channels.Select(c => c.Id));
        foreach (var scope in scopes.Where(ToView().IsAllowedOn))
        {
            await GrainFactory.GetGrain<IRoutingGrain>(RoutingKeys.ForSite(profile.WorkspaceId, scope)).DispatchAsync();
        }
    }

    private async Task UnregisterIfPresentAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private AgentProfile RequireProfile() =>
        State.Profile ?? throw new DomainException(DomainErrors.AgentUnknown, $"Agent '{this.GetPrimaryKeyString()}' does not exist.");

    private AgentView ToView() => new(
        State.Profile ?? new AgentProfile(this.GetPrimaryKeyString(), string.Empty, string.Empty, this.GetPrimaryKeyString()),
        State.Profile is not null,
        State.Licensed,
        State.Status,
        [.. State.ActiveConversationIds],
        State.LastActivityAt,
        State.LastAssignedAt,
        State.MessageCount);
}
