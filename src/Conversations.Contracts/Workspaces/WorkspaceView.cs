namespace Conversations.Contracts;

/// <summary>A workspace's configuration as administration and other grains read it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.WorkspaceView")]
public sealed record WorkspaceView(
    string Id,
    string Name,
    bool Initialized,
    int Licences,
    IReadOnlyList<WorkspaceAgent> Agents,
    IReadOnlyList<SiteConfig> Sites,
    IReadOnlyList<ChannelConfig> Channels,
    IReadOnlyList<TeamConfig> Teams,
    WorkspaceSettings Settings);
