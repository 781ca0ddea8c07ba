using Conversations.Actors.Tests.Grains;
using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Runtime;

public sealed class IdleCollectionTests
{
    [Fact]
    public async Task IdleActivation_PastItsCollectionAge_IsDeactivated()
    {
        var (silo, probe) = await Silos.StartAsync(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(10);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        });
        await using var _ = silo;
        await silo.GetGrain<IShortLivedGrain>("s").Touch();
        await silo.GetGrain<ICounterGrain>("long").Increment();

        await silo.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var afterOneMinute = silo.ActivationCount;
        await silo.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        await silo.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, afterOneMinute);
        Assert.Equal(1, silo.ActivationCount);
        Assert.Equal([DeactivationReason.ActivationIdle], probe.DeactivationReasons);
    }

    [Fact]
    public async Task IdleActivation_AfterAsynchronousCalls_IsStillCollected()
    {
        var (silo, probe) = await Silos.StartAsync(o => o.CollectionQuantum = TimeSpan.FromMinutes(1));
        await using var _ = silo;
        var grain = silo.GetGrain<IShortLivedGrain>("async");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.TouchAfterAwait()));

        for (var i = 0; i < 3; i++)
        {
            await silo.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(0, silo.ActivationCount);
        Assert.Equal([DeactivationReason.ActivationIdle], probe.DeactivationReasons);
    }

    [Fact]
    public async Task BusyActivation_CalledWithinItsAge_StaysActive()
    {
        var (silo, probe) = await Silos.StartAsync(o => o.CollectionQuantum = TimeSpan.FromMinutes(1));
        await using var _ = silo;
        var grain = silo.GetGrain<IShortLivedGrain>("busy");

        for (var i = 0; i < 5; i++)
        {
            await grain.Touch();
            await silo.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(1, silo.ActivationCount);
        Assert.Empty(probe.DeactivationReasons);
    }
}
