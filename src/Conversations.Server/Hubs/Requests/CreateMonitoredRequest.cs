namespace Conversations.Server.Hubs.Requests;

/// <summary>The console's <c>createMonitored</c>. <see cref="SiteId"/> is an addition to CONTRACT.md:
/// when omitted, the first site the agent may work on.</summary>
public sealed record CreateMonitoredRequest(string? Name, string? KnowledgeId, string? Email, bool Strong, string? SiteId);
