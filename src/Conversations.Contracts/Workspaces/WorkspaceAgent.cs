namespace Conversations.Contracts;

/// <summary>An agent as the workspace's directory knows it: the authority for roles and licences.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.WorkspaceAgent")]
public sealed record WorkspaceAgent(string AgentId, AgentRole Role, bool Licensed);
