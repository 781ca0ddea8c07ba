using System.Security.Cryptography;
using Conversations.Contracts;

namespace Conversations.Grains.Directory;

/// <summary>One e-mail address's sign-in account.</summary>
[GrainType("AccountGrain")]
public sealed class AccountGrain([PersistentState("account")] IPersistentState<AccountGrainState> state) : Grain, IAccountGrain
{
    public Task<AccountView?> GetAsync() => Task.FromResult(state.State.Account);

    public async Task<AccountView> SetAsync(string agentId, string workspaceId, string passwordHash)
    {
        if (string.IsNullOrWhiteSpace(passwordHash))
        {
            throw new DomainException(DomainErrors.InvalidArgument, "passwordHash is required.");
        }

        if (state.State.Account is { } current && current.AgentId != agentId)
        {
            throw new DomainException(DomainErrors.IdTaken, $"E-mail '{this.GetPrimaryKeyString()}' already belongs to another agent.");
        }

        var account = new AccountView(this.GetPrimaryKeyString(), agentId, workspaceId, passwordHash, Active: state.State.Account?.Active ?? true);
        state.State.Account = account;
        state.State.SecurityStamp = NewStamp();
        await state.WriteStateAsync();
        return account;
    }

    public async Task<AccountView> SetActiveAsync(bool active)
    {
        var current = state.State.Account
            ?? throw new DomainException(DomainErrors.NotFound, $"E-mail '{this.GetPrimaryKeyString()}' has no account.");
        state.State.Account = current with { Active = active };
        state.State.SecurityStamp = NewStamp();
        await state.WriteStateAsync();
        return state.State.Account;
    }

    public Task<string> GetSecurityStampAsync() => Task.FromResult(state.State.SecurityStamp ?? string.Empty);

    public async Task<string> RenewSecurityStampAsync()
    {
        if (state.State.Account is null)
        {
            throw new DomainException(DomainErrors.NotFound, $"E-mail '{this.GetPrimaryKeyString()}' has no account.");
        }

        state.State.SecurityStamp = NewStamp();
        await state.WriteStateAsync();
        return state.State.SecurityStamp;
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
