using Conversations.Contracts;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Auth;

/// <summary>The per-account sign-in budget, cluster-wide (<see cref="ISignInBudgetGrain"/>). The address
/// budget is the rate-limiting middleware's, per node; the account is only known once the body is read, so
/// the endpoint asks this before the password is checked: guessing one account's password from many
/// addresses, through any number of nodes, stays slow.</summary>
public sealed class SignInLimiter(IGrainFactory grains, IOptions<AuthOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Takes one attempt on <paramref name="accountKey"/>; null when taken, else how long until
    /// the account may try again.</summary>
    public Task<TimeSpan?> TryAcquireAsync(string accountKey) =>
        grains.GetGrain<ISignInBudgetGrain>(accountKey).TryTakeAsync(options.Value.SignInPerAccountPerMinute, Window);
}
