using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>A sign-in account (key: the lower-case e-mail address), so that an address belongs to one
/// agent atomically. Passwords are hashed and verified at the edge; the grain only keeps the hash.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>The account, or null when the address has none.</summary>
    [ReadOnly]
    Task<AccountView?> GetAsync();

    /// <summary>Creates the account or updates its hash; refused with <see cref="DomainErrors.IdTaken"/>
    /// when the address belongs to another agent.</summary>
    Task<AccountView> SetAsync(string agentId, string workspaceId, string passwordHash);

    /// <summary>Enables or revokes sign-in.</summary>
    Task<AccountView> SetActiveAsync(bool active);
}
