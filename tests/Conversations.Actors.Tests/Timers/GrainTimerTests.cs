using Conversations.Actors.Tests.Grains;
using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Timers;

public sealed class GrainTimerTests
{
    [Fact]
    public async Task Timer_ClockAdvancesThreePeriods_TicksThreeTimesAsTurns()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;
        var grain = silo.GetGrain<ITickingGrain>("t");
        await grain.StartTimer(TimeSpan.FromSeconds(10));

        await silo.AdvanceTimeAsync(TimeSpan.FromSeconds(9));
        var beforeDue = await grain.Ticks();
        for (var i = 0; i < 3; i++)
        {
            await silo.AdvanceTimeAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(0, beforeDue);
        Assert.Equal(3, await grain.Ticks());
    }

    [Fact]
    public async Task Timer_Disposed_StopsTicking()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;
        var grain = silo.GetGrain<ITickingGrain>("t");
        await grain.StartTimer(TimeSpan.FromSeconds(10));
        await silo.AdvanceTimeAsync(TimeSpan.FromSeconds(10));

        await grain.StopTimer();
        await silo.AdvanceTimeAsync(TimeSpan.FromSeconds(10));
        await silo.AdvanceTimeAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await grain.Ticks());
    }
}
