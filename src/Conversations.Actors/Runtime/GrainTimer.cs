using Microsoft.Extensions.Logging;

namespace Conversations.Actors;

/// <summary>A grain timer on the silo's <see cref="TimeProvider"/>. Each tick is an internal turn of the
/// activation; the next tick is armed only when the callback finished, so ticks never overlap.</summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private TimeSpan _period;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _period = period;
        _timer = activation.Runtime.Time.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        if (!_disposed.IsCancellationRequested)
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        if (RuntimeContext.CurrentActivation == _activation)
        {
            _activation.RemoveTimer(this);
        }
    }

    private void OnTick()
    {
        if (_disposed.IsCancellationRequested || !_activation.AcceptsTimerTicks)
        {
            return;
        }

        _activation.Enqueue(new InternalTurn(
            $"timer of {_activation.GrainId}",
            () => _disposed.IsCancellationRequested ? Task.CompletedTask : _callback(_disposed.Token),
            (_, exception) => Rearm(exception),
            _activation.Runtime.Time.GetTimestamp())
        {
            Target = _activation,
        });
    }

    private void Rearm(Exception? exception)
    {
        if (exception is not null)
        {
            _activation.Runtime.Logger.LogWarning(exception, "A timer callback of {GrainId} threw", _activation.GrainId);
        }

        if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
        {
            _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }
    }
}
