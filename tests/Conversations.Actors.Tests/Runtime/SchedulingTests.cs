using Conversations.Actors.Tests.Grains;
using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Runtime;

public sealed class SchedulingTests
{
    [Fact]
    public async Task SlowIncrement_ManyConcurrentCallers_OneTurnAtATimeAndNoLostUpdate()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;
        var grain = silo.GetGrain<ICounterGrain>("turns");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => grain.SlowIncrement()))).Within();

        Assert.Equal(200, await grain.Get());
    }

    [Fact]
    public async Task Calls_FromOneCallerWithoutAwaiting_RunInCallOrder()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<IGateGrain>("order");

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => grain.Quick(i.ToString("D3", null)))).Within();

        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString("D3", null)), probe.Log);
    }

    [Fact]
    public async Task Call_WhileNonReentrantGrainAwaits_WaitsForTheTurnToEnd()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<IGateGrain>("plain");
        var held = grain.Hold("a");
        await probe.WhenSignaled("a");

        var quick = grain.Quick("b");
        await Silos.SettleAsync();
        var completedWhileHeld = quick.IsCompleted;
        probe.Open("a");
        await Task.WhenAll(held, quick).Within();

        Assert.False(completedWhileHeld);
        Assert.Equal(["a:start", "a:end", "b"], probe.Log);
    }

    [Fact]
    public async Task Call_WhileReentrantGrainAwaits_Interleaves()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<IReentrantGateGrain>("reentrant");
        var held = grain.Hold("a");
        await probe.WhenSignaled("a");

        await grain.Quick("b").Within();
        probe.Open("a");
        await held.Within();

        Assert.Equal(["a:start", "b", "a:end"], probe.Log);
    }

    [Fact]
    public async Task AlwaysInterleaveMethod_WhileGrainAwaits_Interleaves()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<IGateGrain>("interleave");
        var held = grain.Hold("a");
        await probe.WhenSignaled("a");

        await grain.Interleaving("b").Within();
        probe.Open("a");
        await held.Within();

        Assert.Equal(["a:start", "b", "a:end"], probe.Log);
    }

    [Fact]
    public async Task ReadOnlyMethods_InterleaveWithEachOtherButNotWithWrites()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<IGateGrain>("readonly");
        var held = grain.HoldReadOnly("a");
        await probe.WhenSignaled("a");

        await grain.QuickReadOnly("b").Within();
        var write = grain.Quick("c");
        await Silos.SettleAsync();
        var writeCompletedWhileHeld = write.IsCompleted;
        probe.Open("a");
        await Task.WhenAll(held, write).Within();

        Assert.False(writeCompletedWhileHeld);
        Assert.Equal(["a:start", "b", "a:end", "c"], probe.Log);
    }

    [Fact]
    public async Task OneWayMethod_GrainStillBusy_ReturnsAtOnce()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<IGateGrain>("oneway");

        var call = grain.HoldOneWay("a");
        var failing = grain.ThrowOneWay();

        Assert.True(call.IsCompletedSuccessfully);
        Assert.True(failing.IsCompletedSuccessfully);
        await probe.WhenSignaled("a");
        probe.Open("a");
        await silo.WaitForIdleAsync();
        Assert.Equal(["a:start", "a:end"], probe.Log);
    }

    [Fact]
    public async Task CallBack_WithinOneCallChain_DoesNotDeadlock()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;

        var result = await silo.GetGrain<IChainGrain>("A").CallThrough("B").Within();

        Assert.Equal("via A", result);
    }

    [Fact]
    public async Task CallBack_FromAnotherCallChain_TimesOutNamingGrainAndMethod()
    {
        var (silo, _) = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
        await using var __ = silo;

        var call = silo.GetGrain<IChainGrain>("A").CallThroughOutsideChain("B");
        for (var i = 0; i < 50 && !call.IsCompleted; i++)
        {
            silo.Clock.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(20);
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call).Within();
        Assert.Contains("IChainGrain.", error.Message, StringComparison.Ordinal);
        Assert.Contains("on grain ChainGrain/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_GrainNeverAnswers_TimesOutAfterResponseTimeout()
    {
        var (silo, probe) = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(20));
        await using var _ = silo;
        var grain = silo.GetGrain<IGateGrain>("stuck");
        var held = grain.Hold("never");
        await probe.WhenSignaled("never");
        var queued = grain.Quick("queued");

        silo.Clock.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(20);
        var completedBeforeTimeout = held.IsCompleted || queued.IsCompleted;
        silo.Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.False(completedBeforeTimeout);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => held).Within();
        Assert.Contains("IGateGrain.Hold on grain GateGrain/stuck", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => queued).Within();
    }

    [Fact]
    public async Task GrainException_ThrownSynchronously_ReachesCallerUnchanged()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;

        var error = await Assert.ThrowsAsync<GrainFailureException>(() => silo.GetGrain<IFaultyGrain>("f").ThrowNow(42)).Within();

        Assert.Equal(42, error.Code);
        Assert.Equal("thrown now", error.Message);
    }

    [Fact]
    public async Task GrainException_ThrownAfterAwait_ReachesCallerUnchanged()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;

        var error = await Assert.ThrowsAsync<GrainFailureException>(() => silo.GetGrain<IFaultyGrain>("f").ThrowAfterAwait(43)).Within();

        Assert.Equal(43, error.Code);
        Assert.Equal("thrown after await", error.Message);
    }
}
