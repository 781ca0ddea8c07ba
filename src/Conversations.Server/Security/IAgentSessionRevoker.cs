namespace Conversations.Server.Security;

/// <summary>Ends a revoked agent's live sessions (hub connections). Cookies are already refused on their
/// next request by the account check; connections opened before need closing by whoever holds them.</summary>
public interface IAgentSessionRevoker
{
    Task RevokeAsync(string agentId, CancellationToken cancellationToken = default);
}
