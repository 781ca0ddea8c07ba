namespace Conversations.Storage.Tests.Silo;

[GrainType("ReminderProbeGrain")]
public sealed class ReminderProbeGrain([PersistentState("probe")] IPersistentState<ProbeState> state) : Grain, IReminderProbeGrain, IRemindable
{
    public async Task ArmAsync(TimeSpan period) => await this.RegisterOrUpdateReminder("tick", period, period);

    public Task<int> TicksAsync() => Task.FromResult(state.State.Ticks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
