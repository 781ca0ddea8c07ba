using System.Security.Claims;
using Conversations.Contracts;

namespace Conversations.Server.Auth;

/// <summary>The signed-in agent as the edge knows it: read from the auth cookie's claims, never from a
/// request's arguments.</summary>
public sealed record AgentClaims(string AgentId, string WorkspaceId, AgentRole Role, string Email, string DisplayName)
{
    /// <summary>The claim type holding the workspace id.</summary>
    public const string WorkspaceClaim = "conversations:workspace";

    /// <summary>Whether the agent may supervise (assign, transfer, monitor others' conversations).</summary>
    public bool IsSupervisor => Role is AgentRole.Supervisor or AgentRole.Admin or AgentRole.Botmaster;

    /// <summary>The claims to sign in with.</summary>
    public ClaimsPrincipal ToPrincipal(string authenticationType) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, AgentId),
            new Claim(WorkspaceClaim, WorkspaceId),
            new Claim(ClaimTypes.Role, RoleName(Role)),
            new Claim(ClaimTypes.Email, Email),
            new Claim(ClaimTypes.Name, DisplayName),
        ],
        authenticationType));

    /// <summary>The agent of an authenticated principal, or null.</summary>
    public static AgentClaims? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true ||
            principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } agentId ||
            principal.FindFirstValue(WorkspaceClaim) is not { } workspaceId)
        {
            return null;
        }

        var role = principal.FindFirstValue(ClaimTypes.Role) switch
        {
            "admin" => AgentRole.Admin,
            "supervisor" => AgentRole.Supervisor,
            "botmaster" => AgentRole.Botmaster,
            _ => AgentRole.Agent,
        };
        return new AgentClaims(agentId, workspaceId, role, principal.FindFirstValue(ClaimTypes.Email) ?? string.Empty, principal.FindFirstValue(ClaimTypes.Name) ?? string.Empty);
    }

    /// <summary>The role as CONTRACT.md spells it.</summary>
    public static string RoleName(AgentRole role) => role switch
    {
        AgentRole.Admin => "admin",
        AgentRole.Supervisor => "supervisor",
        AgentRole.Botmaster => "botmaster",
        _ => "agent",
    };
}
