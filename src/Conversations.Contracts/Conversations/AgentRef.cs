namespace Conversations.Contracts;

/// <summary>An agent as conversations show it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AgentRef")]
public sealed record AgentRef(string Id, string Name, string? AvatarUrl = null);
