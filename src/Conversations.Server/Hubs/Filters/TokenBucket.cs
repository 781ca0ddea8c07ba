namespace Conversations.Server.Hubs.Filters;

/// <summary>A lock-protected token bucket refilled from timestamps: no timer per connection, unlike
/// System.Threading.RateLimiting's auto-replenishing limiter.</summary>
public sealed class TokenBucket(double perSecond, int burst, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _last = clock.GetTimestamp();

    public bool TryTake()
    {
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (clock.GetElapsedTime(_last, now).TotalSeconds * perSecond));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
