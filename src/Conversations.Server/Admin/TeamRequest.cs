namespace Conversations.Server.Admin;

/// <summary>The body of <c>POST /api/teams</c> and <c>PUT /api/teams/{id}</c>.</summary>
public sealed record TeamRequest(string? Id, string? Name, IReadOnlyList<string>? AgentIds);
