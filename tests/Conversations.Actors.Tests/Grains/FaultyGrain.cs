using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Grains;

/// <summary>Throws on demand; keys starting with "bad-activation" fail in OnActivateAsync the first time.</summary>
public sealed class FaultyGrain(Probe probe) : Grain, IFaultyGrain
{
    private Bag? _kept;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        if (GetPrimaryKeyString().StartsWith("bad-activation", StringComparison.Ordinal) && probe.Activations == 1)
        {
            throw new GrainFailureException("activation failed", 7);
        }

        return Task.CompletedTask;
    }

    public Task ThrowNow(int code) => throw new GrainFailureException("thrown now", code);

    public async Task<int> ThrowAfterAwait(int code)
    {
        await Task.Yield();
        throw new GrainFailureException("thrown after await", code);
    }

    public Task<string> Name() => Task.FromResult(GetPrimaryKeyString());

    public Task Accept(Unserializable value) => Task.CompletedTask;

    public Task<Bag> Keep(Bag bag)
    {
        _kept = bag;
        return Task.FromResult(bag);
    }

    public Task<int> KeptCount() => Task.FromResult(_kept?.Items.Count ?? 0);
}
