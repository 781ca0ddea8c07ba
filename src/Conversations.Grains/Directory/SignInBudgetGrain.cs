using Conversations.Contracts;

namespace Conversations.Grains.Directory;

/// <summary>A fixed window of sign-in attempts for one account. Kept in memory only: losing it with its
/// silo starts a fresh window, which costs an attacker at most one window's budget more, and a storage
/// write per attempt would make sign-in itself a load an attacker controls.</summary>
[GrainType("SignInBudgetGrain")]
public sealed class SignInBudgetGrain(TimeProvider clock) : Grain, ISignInBudgetGrain
{
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _taken;

    public Task<TimeSpan?> TryTakeAsync(int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        if (now - _windowStart >= window)
        {
            _windowStart = now;
            _taken = 0;
        }

        if (_taken >= limit)
        {
            return Task.FromResult<TimeSpan?>(_windowStart + window - now);
        }

        _taken++;
        return Task.FromResult<TimeSpan?>(null);
    }
}
