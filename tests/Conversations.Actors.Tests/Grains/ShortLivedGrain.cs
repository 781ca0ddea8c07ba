using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Grains;

[CollectionAgeLimit(2)]
public sealed class ShortLivedGrain(Probe probe) : Grain, IShortLivedGrain
{
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Deactivated(reason);
        return Task.CompletedTask;
    }

    public Task Touch() => Task.CompletedTask;

    public async Task TouchAfterAwait() => await Task.Yield();
}
