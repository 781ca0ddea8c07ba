using Conversations.Server.Auth;

namespace Conversations.Server.Api;

/// <summary>The signed-in agent of an endpoint behind the agent policy.</summary>
public static class CurrentAgent
{
    /// <summary>The claims; the policy guarantees them, so their absence is a wiring bug, not a client error.</summary>
    public static AgentClaims Of(HttpContext http) =>
        AgentClaims.From(http.User) ?? throw new InvalidOperationException("The endpoint requires a signed-in agent.");
}
