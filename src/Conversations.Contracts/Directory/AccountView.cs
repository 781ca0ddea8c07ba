namespace Conversations.Contracts;

/// <summary>A sign-in account: one e-mail address, one agent.</summary>
/// <param name="Email">The normalized (lower-case) address, also the grain key.</param>
/// <param name="AgentId">The agent signing in.</param>
/// <param name="WorkspaceId">The agent's workspace.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's password hash; hashing happens at the edge.</param>
/// <param name="Active">False once the agent is revoked: sign-in and open sessions are refused.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AccountView")]
public sealed record AccountView(string Email, string AgentId, string WorkspaceId, string PasswordHash, bool Active);
