namespace Conversations.Contracts;

/// <summary>Creates a workspace with its first administrator (seed or installation; never a hub call).</summary>
public sealed record WorkspaceSetup(string Name, AgentProfile Admin, int Licences = 5);
