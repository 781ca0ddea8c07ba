using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>A tenant's configuration (key: workspace id). Changes need an acting admin, except
/// <see cref="InitializeAsync"/>, which the host calls once to create the first admin.</summary>
public interface IWorkspaceGrain : IGrainWithStringKey
{
    /// <summary>Creates the workspace and its first admin; refused when it already exists.</summary>
    Task<WorkspaceView> InitializeAsync(WorkspaceSetup setup);

    [AlwaysInterleave]
    Task<WorkspaceView> GetAsync();

    /// <summary>Adds or updates an agent's profile and role; licences are separate.</summary>
    Task<WorkspaceAgent> UpsertAgentAsync(string actingAgentId, AgentProfile profile);

    /// <summary>Gives or takes an agent's licence; never more licensed agents than licences.</summary>
    Task<WorkspaceAgent> SetLicenceAsync(string actingAgentId, string agentId, bool licensed);

    Task<WorkspaceView> SetLicenceCountAsync(string actingAgentId, int licences);

    Task<SiteConfig> UpsertSiteAsync(string actingAgentId, SiteConfig site);

    Task<ChannelConfig> UpsertChannelAsync(string actingAgentId, ChannelConfig channel);

    Task<TeamConfig> UpsertTeamAsync(string actingAgentId, TeamConfig team);

    Task<WorkspaceSettings> UpdateSettingsAsync(string actingAgentId, WorkspaceSettings settings);

    /// <summary>Starts a monitored conversation on a site for a supervisor or admin.</summary>
    Task<MonitoredConversation> CreateMonitoredAsync(CreateMonitored command);
}
