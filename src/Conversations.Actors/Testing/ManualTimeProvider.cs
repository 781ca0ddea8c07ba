namespace Conversations.Actors.Testing;

/// <summary>A clock that moves only when told, for deterministic tests of timers, reminders,
/// timeouts and idle collection. Timers due during <see cref="Advance"/> fire in due order on the
/// advancing thread.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    /// <summary>Starts the clock at a fixed instant (or the one given).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var target = GetUtcNow() + delta;
        while (AdvanceToNextDue(target))
        {
        }
    }

    /// <summary>Fires the earliest timer due no later than <paramref name="until"/>, with the clock at its
    /// due time, and returns true; or, when none is due, moves the clock to <paramref name="until"/> and
    /// returns false. Stepping this way lets what a tick starts run at the tick's time.</summary>
    public bool AdvanceToNextDue(DateTimeOffset until)
    {
        ManualTimer? next;
        lock (_lock)
        {
            next = _timers.Where(t => t.DueAt <= until).MinBy(t => t.DueAt);
            if (next is null)
            {
                if (until > _now)
                {
                    _now = until;
                }

                return false;
            }

            if (next.DueAt > _now)
            {
                _now = next.DueAt;
            }

            next.Fired();
        }

        next.Invoke();
        return true;
    }

    private void Arm(ManualTimer timer, bool armed)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (armed)
            {
                _timers.Add(timer);
            }
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                clock.Arm(this, armed: false);
                return true;
            }

            DueAt = clock.GetUtcNow() + dueTime;
            clock.Arm(this, armed: true);
            return true;
        }

        /// <summary>Called under the clock's lock: re-arms a periodic timer or disarms a one-shot.</summary>
        public void Fired()
        {
            if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
            {
                clock._timers.Remove(this);
            }
            else
            {
                DueAt += _period;
            }
        }

        public void Invoke() => callback(state);

        public void Dispose() => clock.Arm(this, armed: false);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
