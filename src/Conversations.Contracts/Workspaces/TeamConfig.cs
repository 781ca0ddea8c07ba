namespace Conversations.Contracts;

/// <summary>A team conversations can be transferred to.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.TeamConfig")]
public sealed record TeamConfig(string Id, string Name, IReadOnlyList<string> AgentIds);
