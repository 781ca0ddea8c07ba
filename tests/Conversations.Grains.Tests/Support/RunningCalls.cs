namespace Conversations.Grains.Tests.Support;

/// <summary>Counts grain calls being executed (reminder ticks included): Orleans has no "silo idle" signal,
/// and tests that wait for routing or a reminder to settle need one.</summary>
public sealed class RunningCalls : IIncomingGrainCallFilter
{
    private int _running;
    private long _completed;

    /// <summary>Calls executing now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Calls finished so far, to tell a quiet moment from a gap between two calls.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Interlocked.Increment(ref _running);
        try
        {
            await context.Invoke();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _completed);
        }
    }
}
