namespace Conversations.Server.Security;

/// <summary>The default when no hub registers a revoker: there are no live connections to close.</summary>
public sealed class NoOpAgentSessionRevoker : IAgentSessionRevoker
{
    public Task RevokeAsync(string agentId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
