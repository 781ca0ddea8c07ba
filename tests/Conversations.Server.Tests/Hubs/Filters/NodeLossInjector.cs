namespace Conversations.Server.Tests.Hubs.Filters;

/// <summary>An outgoing grain call filter that loses the answer of the next calls of one grain method as a
/// silo that leaves the cluster does: the call runs, then its caller sees <see cref="SiloUnavailableException"/>.</summary>
public sealed class NodeLossInjector : IOutgoingGrainCallFilter
{
    private string? _method;
    private int _remaining;
    private int _lost;

    /// <summary>Answers lost since <see cref="Lose"/>.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>Loses the answers of the next <paramref name="times"/> calls of <paramref name="method"/>.</summary>
    public void Lose(string method, int times)
    {
        _method = method;
        _lost = 0;
        Volatile.Write(ref _remaining, times);
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Invoke();
        if (context.MethodName == _method && Interlocked.Decrement(ref _remaining) >= 0)
        {
            Interlocked.Increment(ref _lost);
            throw new SiloUnavailableException("The target silo became unavailable (injected by the test).");
        }
    }
}
