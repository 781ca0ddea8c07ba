using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Conversations.Actors;

/// <summary>Keeps the durable reminders of this silo ticking: the table is the truth (read at start,
/// written on every change) and each reminder has one timer on the silo clock. A tick first stores the
/// next due time, then calls <see cref="IRemindable.ReceiveReminder"/> through a grain reference,
/// activating the grain if needed. Because the stored due time always points at the next undelivered
/// tick, a reminder found overdue at start really was missed, and fires at once.</summary>
internal sealed class ReminderService : IDisposable
{
    private readonly SiloRuntime _runtime;
    private readonly IReminderTable _table;
    private readonly ConcurrentDictionary<(GrainId, string), ScheduledReminder> _scheduled = new();

    // Serializes table writes, so a tick storing its next due time cannot resurrect a reminder that
    // is being unregistered. Reminder changes are rare; one lock for all is plenty.
    private readonly SemaphoreSlim _tableLock = new(1, 1);

    public ReminderService(SiloRuntime runtime, IReminderTable table)
    {
        _runtime = runtime;
        _table = table;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await _table.ReadAllAsync(cancellationToken))
        {
            Schedule(entry);
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(ActivationData activation, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        if (!activation.ClassInfo.IsRemindable)
        {
            throw new InvalidOperationException($"Grain {activation.GrainId} registers reminder '{reminderName}' but does not implement IRemindable.");
        }

        if (period < _runtime.Options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"Reminder periods are at least {_runtime.Options.MinimumReminderPeriod}.");
        }

        var entry = new ReminderEntry(activation.GrainId, reminderName, _runtime.Time.GetUtcNow() + dueTime, period);
        await _tableLock.WaitAsync();
        try
        {
            await _table.UpsertAsync(entry, CancellationToken.None);
            Schedule(entry);
        }
        finally
        {
            _tableLock.Release();
        }

        return entry;
    }

    public async Task UnregisterAsync(GrainId grainId, string reminderName)
    {
        await _tableLock.WaitAsync();
        try
        {
            await _table.RemoveAsync(grainId, reminderName, CancellationToken.None);
            if (_scheduled.TryRemove((grainId, reminderName), out var scheduled))
            {
                scheduled.Dispose();
            }
        }
        finally
        {
            _tableLock.Release();
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName) =>
        (await _table.ReadAsync(grainId, CancellationToken.None)).FirstOrDefault(e => e.ReminderName == reminderName);

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId) =>
        [.. await _table.ReadAsync(grainId, CancellationToken.None)];

    public void Dispose()
    {
        foreach (var scheduled in _scheduled.Values)
        {
            scheduled.Dispose();
        }

        _scheduled.Clear();
    }

    private void Schedule(ReminderEntry entry)
    {
        var now = _runtime.Time.GetUtcNow();
        var dueTime = entry.StartAt > now ? entry.StartAt - now : TimeSpan.Zero;
        var scheduled = new ScheduledReminder(this, entry, dueTime);
        if (_scheduled.TryGetValue((entry.GrainId, entry.ReminderName), out var previous))
        {
            previous.Dispose();
        }

        _scheduled[(entry.GrainId, entry.ReminderName)] = scheduled;
    }

    private async Task TickAsync(ScheduledReminder scheduled)
    {
        var entry = scheduled.Entry;
        var now = _runtime.Time.GetUtcNow();
        var status = new TickStatus(entry.StartAt, entry.Period, now);
        try
        {
            await _tableLock.WaitAsync();
            try
            {
                if (!_scheduled.TryGetValue((entry.GrainId, entry.ReminderName), out var current) || current != scheduled)
                {
                    return;
                }

                var next = entry with { StartAt = now + entry.Period };
                await _table.UpsertAsync(next, CancellationToken.None);
                scheduled.Entry = next;
            }
            finally
            {
                _tableLock.Release();
            }

            var grain = _runtime.GrainFactory.GetGrain<IRemindable>(entry.GrainId);
            await grain.ReceiveReminder(entry.ReminderName, status);
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogWarning(exception, "Reminder {Reminder} of {GrainId} failed", entry.ReminderName, entry.GrainId);
        }
    }

    /// <summary>One reminder's timer: ticks, then re-arms for the next period.</summary>
    private sealed class ScheduledReminder : IDisposable
    {
        private readonly ReminderService _service;
        private readonly ITimer _timer;
        private volatile bool _disposed;

        public ScheduledReminder(ReminderService service, ReminderEntry entry, TimeSpan dueTime)
        {
            _service = service;
            Entry = entry;
            _timer = service._runtime.Time.CreateTimer(static s => ((ScheduledReminder)s!).OnTick(), this, dueTime, Timeout.InfiniteTimeSpan);
        }

        /// <summary>The stored entry: its start time is the next undelivered tick.</summary>
        public ReminderEntry Entry { get; set; }

        public void Dispose()
        {
            _disposed = true;
            _timer.Dispose();
        }

        private void OnTick()
        {
            if (_disposed)
            {
                return;
            }

            _timer.Change(Entry.Period, Timeout.InfiniteTimeSpan);
            _ = _service.TickAsync(this);
        }
    }
}
