namespace Conversations.Contracts;

/// <summary>The console's <c>createMonitored</c>: a conversation a botmaster follows through a link.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.CreateMonitored")]
public sealed record CreateMonitored(string ActingAgentId, string SiteId, string Name, string Email, bool Strong, string? KnowledgeId = null);
