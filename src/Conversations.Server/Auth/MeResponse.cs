namespace Conversations.Server.Auth;

/// <summary>The signed-in agent, as <c>GET /api/me</c> answers.</summary>
public sealed record MeResponse(string Id, string Email, string DisplayName, string Role, string WorkspaceId);
