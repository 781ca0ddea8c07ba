namespace Conversations.Server.Connectors;

/// <summary>Exponential backoff with jitter: after attempt n the wait is drawn between half and all of
/// min(max, base · 2^(n-1)), so connectors recovering from an outage are not hit by every retry at once.</summary>
public static class RetryBackoff
{
    public static TimeSpan After(int attempts, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}
