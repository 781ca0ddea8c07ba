using Conversations.Contracts;

namespace Conversations.Grains.Workspace;

/// <summary>A tenant's configuration and the authority on roles and licences, so that "never more
/// licensed agents than licences" is checked in one place.</summary>
[GrainType("WorkspaceGrain")]
public sealed class WorkspaceGrain(
    [PersistentState("workspace")] IPersistentState<WorkspaceGrainState> state) : Grain, IWorkspaceGrain
{
    private WorkspaceGrainState State => state.State;

    public async Task<WorkspaceView> InitializeAsync(WorkspaceSetup setup)
    {
        if (State.Initialized)
        {
            throw new DomainException(DomainErrors.WorkspaceExists, $"Workspace '{this.GetPrimaryKeyString()}' already exists.");
        }

        RequirePositive(setup.Licences, "licences");
        var admin = setup.Admin with { WorkspaceId = this.GetPrimaryKeyString(), Role = AgentRole.Admin };
        State.Initialized = true;
        State.Name = setup.Name;
        State.Licences = setup.Licences;
        State.Agents[admin.Id] = new WorkspaceAgent(admin.Id, AgentRole.Admin, Licensed: false);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IAgentGrain>(admin.Id).SetProfileAsync(admin);
        return ToView();
    }

    public Task<WorkspaceView> GetAsync() => Task.FromResult(ToView());

    public async Task<WorkspaceAgent> UpsertAgentAsync(string actingAgentId, AgentProfile profile)
    {
        RequireAdmin(actingAgentId);
        RequirePositive(profile.Capacity, "capacity");
        var normalized = profile with { WorkspaceId = this.GetPrimaryKeyString() };
        var licensed = State.Agents.TryGetValue(profile.Id, out var existing) && existing.Licensed;
        var entry = new WorkspaceAgent(profile.Id, profile.Role, licensed);
        State.Agents[profile.Id] = entry;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IAgentGrain>(profile.Id).SetProfileAsync(normalized);
        return entry;
    }

    public async Task<WorkspaceAgent> SetLicenceAsync(string actingAgentId, string agentId, bool licensed)
    {
        RequireAdmin(actingAgentId);
        if (!State.Agents.TryGetValue(agentId, out var agent))
        {
            throw new DomainException(DomainErrors.AgentUnknown, $"Agent '{agentId}' is not a member of workspace '{this.GetPrimaryKeyString()}'.");
        }

        if (licensed && !agent.Licensed && LicensedCount() >= State.Licences)
        {
            throw new DomainException(
                DomainErrors.LicencesExhausted,
                $"Workspace '{this.GetPrimaryKeyString()}' has {State.Licences} licences and all are in use; agent '{agentId}' cannot be licensed.");
        }

        var entry = agent with { Licensed = licensed };
        State.Agents[agentId] = entry;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IAgentGrain>(agentId).SetLicensedAsync(licensed);
        return entry;
    }

    public async Task<WorkspaceView> SetLicenceCountAsync(string actingAgentId, int licences)
    {
        RequireAdmin(actingAgentId);
        RequirePositive(licences, "licences");
        if (licences < LicensedCount())
        {
            throw new DomainException(
                DomainErrors.LicencesExhausted,
                $"{LicensedCount()} agents are licensed in workspace '{this.GetPrimaryKeyString()}'; revoke licences before lowering the count to {licences}.");
        }

        State.Licences = licences;
        await state.WriteStateAsync();
        return ToView();
    }

    public async Task<SiteConfig> UpsertSiteAsync(string actingAgentId, SiteConfig site)
    {
        RequireAdmin(actingAgentId);
        RequireId(site.Id, "site.id");

        // The directory entry is claimed first, so two workspaces can never both hold one site id.
        await GrainFactory.GetGrain<ISiteGrain>(site.Id).PublishAsync(new SiteRoute(this.GetPrimaryKeyString(), site));
        State.Sites[site.Id] = site;
        await state.WriteStateAsync();
        return site;
    }

    public async Task<ChannelConfig> UpsertChannelAsync(string actingAgentId, ChannelConfig channel)
    {
        RequireAdmin(actingAgentId);
        RequireId(channel.Id, "channel.id");
        await GrainFactory.GetGrain<IChannelGrain>(channel.Id).PublishAsync(new ChannelRoute(this.GetPrimaryKeyString(), channel));
        State.Channels[channel.Id] = channel;
        await state.WriteStateAsync();
        return channel;
    }

    public async Task<TeamConfig> UpsertTeamAsync(string actingAgentId, TeamConfig team)
    {
        RequireAdmin(actingAgentId);
        var unknown = team.AgentIds.FirstOrDefault(id => !State.Agents.ContainsKey(id));
        if (unknown is not null)
        {
            throw new DomainException(DomainErrors.AgentUnknown, $"Agent '{unknown}' of team '{team.Id}' is not a member of workspace '{this.GetPrimaryKeyString()}'.");
        }

        State.Teams[team.Id] = team;
        await state.WriteStateAsync();
        return team;
    }

    public async Task<WorkspaceSettings> UpdateSettingsAsync(string actingAgentId, WorkspaceSettings settings)
    {
        RequireAdmin(actingAgentId);
        RequirePositive(settings.SlaSeconds, "slaSeconds");
        RequirePositive(settings.InactivityMinutes, "inactivityMinutes");
        RequirePositive(settings.OfflineGraceSeconds, "offlineGraceSeconds");
        RequirePositive(settings.FallbackLimit, "fallbackLimit");
        State.Settings = settings;
        await state.WriteStateAsync();
        return settings;
    }

    public async Task<MonitoredConversation> CreateMonitoredAsync(CreateMonitored command)
    {
        RequireInitialized();
        if (!State.Agents.TryGetValue(command.ActingAgentId, out var acting) || acting.Role == AgentRole.Agent)
        {
            throw new DomainException(DomainErrors.Forbidden, $"Agent '{command.ActingAgentId}' must be a supervisor or an admin to create a monitored conversation.");
        }

        if (!State.Sites.ContainsKey(command.SiteId))
        {
            throw new DomainException(DomainErrors.SiteUnknown, $"Site '{command.SiteId}' does not exist in workspace '{this.GetPrimaryKeyString()}'.");
        }

        // The monitored customer is a fresh contact: whoever opens the link acts as that contact.
        var contact = GrainFactory.GetGrain<IContactGrain>($"monitored-{Guid.NewGuid():N}");
        await contact.UpdateAsync(new ContactProfileUpdate(DisplayName: command.Name, Email: command.Email));
        var variables = command.KnowledgeId is null
            ? null
            : new Dictionary<string, string> { ["knowledgeId"] = command.KnowledgeId };
        var snapshot = await contact.StartAsync(new ContactStart(
            this.GetPrimaryKeyString(),
            command.SiteId,
            Variables: variables,
            Monitoring: command.Strong ? MonitoringMode.Strong : MonitoringMode.Weak));
        var link = State.Settings.MonitoredLinkPrefix + snapshot.ConversationId;
        var body = State.Settings.MonitoredMailTemplate.Replace("{link}", link, StringComparison.Ordinal).Replace("{name}", command.Name, StringComparison.Ordinal);
        return new MonitoredConversation(snapshot.ConversationId, link, body);
    }

    private int LicensedCount() => State.Agents.Values.Count(a => a.Licensed);

    private void RequireInitialized()
    {
        if (!State.Initialized)
        {
            throw new DomainException(DomainErrors.WorkspaceUnknown, $"Workspace '{this.GetPrimaryKeyString()}' does not exist.");
        }
    }

    private void RequireAdmin(string actingAgentId)
    {
        RequireInitialized();
        if (!State.Agents.TryGetValue(actingAgentId, out var acting) || acting.Role != AgentRole.Admin)
        {
            throw new DomainException(DomainErrors.Forbidden, $"Agent '{actingAgentId}' is not an admin of workspace '{this.GetPrimaryKeyString()}'.");
        }
    }

    private static void RequirePositive(int value, string name)
    {
        if (value < 1)
        {
            throw new DomainException(DomainErrors.InvalidArgument, $"'{name}' must be at least 1, not {value}.");
        }
    }

    // Ids become grain keys, routing keys and URL segments: keep them to a safe, short alphabet.
    private static void RequireId(string id, string name)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new DomainException(DomainErrors.InvalidArgument, $"'{name}' must be 1 to 64 letters, digits, '-', '_' or '.', not '{id}'.");
        }
    }

    private WorkspaceView ToView() => new(
        this.GetPrimaryKeyString(),
        State.Name,
        State.Initialized,
        State.Licences,
        [.. State.Agents.Values],
        [.. State.Sites.Values],
        [.. State.Channels.Values],
        [.. State.Teams.Values],
        State.Settings);
}
