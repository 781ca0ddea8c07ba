using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Grains;

public sealed class CounterGrain(Probe probe, [PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    private int _inFlight;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Deactivated(reason);
        return Task.CompletedTask;
    }

    public Task<int> Increment() => Task.FromResult(++state.State.Count);

    public Task<int> Get() => Task.FromResult(state.State.Count);

    public Task Save() => state.WriteStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    // Two turns in here at once would see _inFlight above one, and lose an increment.
    public async Task<int> SlowIncrement()
    {
        if (Interlocked.Increment(ref _inFlight) != 1)
        {
            throw new InvalidOperationException("Two turns ran at once.");
        }

        var before = state.State.Count;
        await Task.Yield();
        await Task.Delay(1);
        state.State.Count = before + 1;
        Interlocked.Decrement(ref _inFlight);
        return state.State.Count;
    }
}
