namespace Conversations.Actors.Tests.Grains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    private int _inFlight;

    public Task<int> Increment() => Task.FromResult(++state.State.Count);

    public Task<int> Get() => Task.FromResult(state.State.Count);

    public Task Save() => state.WriteStateAsync();

    public Task<string> Echo(string text) => Task.FromResult(text);

    public Task Throw(string message) => throw new InvalidOperationException(message);

    // Detects parallel turns: two turns in here at once would see _inFlight == 1.
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
