namespace Conversations.Bots.Runtime;

/// <summary>The assistant hands over: to a named agent when available, else to a team's queue or the site's.</summary>
public sealed record TransferRequest(string? TeamId, string? AgentId, string Reason);
