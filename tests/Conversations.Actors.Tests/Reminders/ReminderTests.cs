using Conversations.Actors.Tests.Grains;
using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Reminders;

public sealed class ReminderTests
{
    [Fact]
    public async Task Reminder_AcrossASiloRestart_KeepsFiringAndReactivatesTheGrain()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        await silo.GetGrain<ITickingGrain>("r").StartReminder("sla", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await silo.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        await silo.RestartAsync();
        await silo.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["reminder:r:sla", "reminder:r:sla"], probe.Log);
        Assert.Equal(2, probe.Activations);
    }

    [Fact]
    public async Task Reminder_DueWhileSiloWasDown_FiresWhenItStarts()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        await silo.GetGrain<ITickingGrain>("late").StartReminder("timeout", TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

        await silo.RestartAsync(downtime: TimeSpan.FromMinutes(30));
        await silo.AdvanceTimeAsync(TimeSpan.Zero);

        Assert.Equal(["reminder:late:timeout"], probe.Log);
    }

    [Fact]
    public async Task Reminder_OneLongAdvancePastTheResponseTimeout_StillDeliversEachTick()
    {
        var (silo, probe) = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
        await using var _ = silo;
        await silo.GetGrain<ITickingGrain>("long").StartReminder("r", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

        await silo.AdvanceTimeAsync(TimeSpan.FromMinutes(25));

        Assert.Equal(["reminder:long:r", "reminder:long:r"], probe.Log);
    }

    [Fact]
    public async Task Reminder_Unregistered_StopsFiringAndLeavesTheTable()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<ITickingGrain>("u");
        await grain.StartReminder("x", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        await grain.StopReminder("x");
        await silo.AdvanceTimeAsync(TimeSpan.FromMinutes(3));

        Assert.Empty(probe.Log);
        Assert.Empty(await silo.Reminders.ReadAllAsync(default));
    }
}
