using Conversations.Contracts;

namespace Conversations.Grains.Workspace;

/// <summary>The stored configuration of a workspace.</summary>
public sealed class WorkspaceGrainState
{
    /// <summary>Set once by <c>InitializeAsync</c>; an uninitialized workspace refuses everything else.</summary>
    public bool Initialized { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>How many agents may be licensed at once.</summary>
    public int Licences { get; set; } = 5;

    /// <summary>The agent directory: roles and licences, by agent id.</summary>
    public Dictionary<string, WorkspaceAgent> Agents { get; set; } = [];

    /// <summary>Web sites by id.</summary>
    public Dictionary<string, SiteConfig> Sites { get; set; } = [];

    /// <summary>Messaging channels by id.</summary>
    public Dictionary<string, ChannelConfig> Channels { get; set; } = [];

    /// <summary>Teams by id.</summary>
    public Dictionary<string, TeamConfig> Teams { get; set; } = [];

    /// <summary>Workspace-wide settings.</summary>
    public WorkspaceSettings Settings { get; set; } = new();
}
