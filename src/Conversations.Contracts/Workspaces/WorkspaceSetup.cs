namespace Conversations.Contracts;

/// <summary>Creates a workspace with its first administrator (seed or installation; never a hub call).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.WorkspaceSetup")]
public sealed record WorkspaceSetup(string Name, AgentProfile Admin, int Licences = 5);
