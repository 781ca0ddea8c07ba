using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Grains;

[Reentrant]
public sealed class ReentrantGateGrain(Probe probe) : Grain, IReentrantGateGrain
{
    private int _inTurn;

    public async Task Hold(string name)
    {
        EnterTurn();
        probe.Record($"{name}:start");
        probe.Signal(name);
        LeaveTurn();
        await probe.Gate(name);
        EnterTurn();
        probe.Record($"{name}:end");
        LeaveTurn();
    }

    public Task Quick(string name)
    {
        EnterTurn();
        probe.Record(name);
        LeaveTurn();
        return Task.CompletedTask;
    }

    // Reentrant grains interleave but never run two turns in parallel.
    private void EnterTurn()
    {
        if (Interlocked.Increment(ref _inTurn) != 1)
        {
            throw new InvalidOperationException("Two turns ran at once.");
        }
    }

    private void LeaveTurn() => Interlocked.Decrement(ref _inTurn);
}
