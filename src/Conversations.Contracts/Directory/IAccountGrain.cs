using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>A sign-in account (key: the lower-case e-mail address), so that an address belongs to one
/// agent atomically. Passwords are hashed and verified at the edge; the grain only keeps the hash.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>The account, or null when the address has none.</summary>
    [ReadOnly]
    Task<AccountView?> GetAsync();

    /// <summary>Creates the account (active) or updates its hash, keeping whether it is active (a password
    /// reset never reactivates a revoked account) and renewing the security stamp; refused with
    /// <see cref="DomainErrors.IdTaken"/> when the address belongs to another agent.</summary>
    Task<AccountView> SetAsync(string agentId, string workspaceId, string passwordHash);

    /// <summary>Enables or revokes sign-in; renews the security stamp either way.</summary>
    Task<AccountView> SetActiveAsync(bool active);

    /// <summary>The security stamp every session cookie carries; empty when none was issued yet.</summary>
    [ReadOnly]
    Task<string> GetSecurityStampAsync();

    /// <summary>Issues a new security stamp, so every session signed in before ends at its next request
    /// (logout, password reset, role or site change, revocation).</summary>
    Task<string> RenewSecurityStampAsync();
}
