using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Grains;

public sealed class TickingGrain(Probe probe) : Grain, ITickingGrain, IRemindable
{
    private IGrainTimer? _timer;
    private int _ticks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        return Task.CompletedTask;
    }

    public Task StartTimer(TimeSpan period)
    {
        _timer = RegisterGrainTimer(
            _ =>
            {
                _ticks++;
                probe.Record($"timer:{GetPrimaryKeyString()}");
                return Task.CompletedTask;
            },
            period,
            period);
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task StartReminder(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public async Task StopReminder(string name)
    {
        var reminder = await GetReminder(name) ?? throw new InvalidOperationException($"No reminder {name}.");
        await UnregisterReminder(reminder);
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"reminder:{GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }
}
