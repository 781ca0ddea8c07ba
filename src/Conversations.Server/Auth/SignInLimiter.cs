using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Auth;

/// <summary>The per-account sign-in budget. The address budget is the rate-limiting middleware's, but the
/// account is only known once the body is read, so this partitioned limiter is asked by the endpoint,
/// before the password is checked: guessing one account's password from many addresses stays slow.</summary>
public sealed class SignInLimiter(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInPerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>A lease for one attempt on <paramref name="accountKey"/>; not acquired when over budget.</summary>
    public RateLimitLease Acquire(string accountKey) => _limiter.AttemptAcquire(accountKey);

    public void Dispose() => _limiter.Dispose();
}
