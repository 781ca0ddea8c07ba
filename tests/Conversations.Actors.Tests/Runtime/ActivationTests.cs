using Conversations.Actors.Tests.Grains;
using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task GetGrain_ConcurrentFirstCallsFromManyThreads_CreateOneActivation()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        const int threads = 32;
        using var barrier = new Barrier(threads);

        var calls = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(
            () =>
            {
                barrier.SignalAndWait();
                return silo.GetGrain<ICounterGrain>("one").Increment();
            },
            TaskCreationOptions.LongRunning).Unwrap());
        var results = await Task.WhenAll(calls).Within();

        Assert.Equal(1, probe.Activations);
        Assert.Equal(Enumerable.Range(1, threads), results.Order());
    }

    [Fact]
    public async Task DeactivateOnIdle_ThenCall_NewActivationReadsSavedState()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<ICounterGrain>("saved");
        await grain.Increment();
        await grain.Increment();
        await grain.Save();

        await grain.Deactivate();
        await silo.WaitForIdleAsync();
        var count = await grain.Get();

        Assert.Equal(2, count);
        Assert.Equal(2, probe.Activations);
        Assert.Equal([DeactivationReason.ApplicationRequested], probe.DeactivationReasons);
    }

    [Fact]
    public async Task DeactivateOnIdle_UnsavedState_IsLost()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;
        var grain = silo.GetGrain<ICounterGrain>("unsaved");
        await grain.Increment();

        await grain.Deactivate();
        await silo.WaitForIdleAsync();

        Assert.Equal(0, await grain.Get());
    }

    [Fact]
    public async Task OnActivateAsync_Throws_CallerGetsItsExceptionAndNextCallActivatesAgain()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<IFaultyGrain>("bad-activation");

        var error = await Assert.ThrowsAsync<GrainFailureException>(() => grain.Name()).Within();
        var name = await grain.Name().Within();

        Assert.Equal(7, error.Code);
        Assert.Equal("bad-activation", name);
        Assert.Equal(2, probe.Activations);
    }

    [Fact]
    public async Task StopAsync_LiveActivations_AreDeactivatedWithShutdownReason()
    {
        var (silo, probe) = await Silos.StartAsync();
        await silo.GetGrain<ICounterGrain>("x").Increment();
        await silo.GetGrain<ICounterGrain>("y").Increment();

        await silo.DisposeAsync();

        Assert.Equal(2, probe.Deactivations);
        Assert.All(probe.DeactivationReasons, r => Assert.Equal(DeactivationReason.ShuttingDown, r));
    }

    [Fact]
    public async Task Grain_ConstructedByHand_IsRefused()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;

        var error = Assert.Throws<InvalidOperationException>(() => new GateGrain(probe));

        Assert.Contains("IGrainFactory", error.Message, StringComparison.Ordinal);
    }
}
