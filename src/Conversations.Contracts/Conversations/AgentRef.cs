namespace Conversations.Contracts;

/// <summary>An agent as conversations show it.</summary>
public sealed record AgentRef(string Id, string Name, string? AvatarUrl = null);
