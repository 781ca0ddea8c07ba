namespace Conversations.Actors;

/// <summary>One call (or internal turn) on its way to and through an activation. It is also the
/// SynchronizationContext of its turns: an await inside grain code posts the continuation back to the
/// same activation, tagged with the request, so turns never run in parallel and calls made from any
/// turn carry this request as their parent in the call chain.</summary>
internal abstract class GrainRequest : SynchronizationContext, IWorkItem
{
    private const int PhaseArriving = 0;
    private const int PhaseFinishing = 1;

    private int _phase;
    private int _completed;
    private Task? _grainTask;

    protected GrainRequest(GrainRequest? parent, long createdAt)
    {
        Parent = parent;
        CreatedAt = createdAt;
    }

    /// <summary>The activation the request was last routed to.</summary>
    public ActivationData? Target { get; set; }

    /// <summary>The request whose turn made this call, for call-chain reentrancy; null for external calls.</summary>
    public GrainRequest? Parent { get; private set; }

    /// <summary>When the call was made (<see cref="TimeProvider.GetTimestamp"/>), for timeouts and metrics.</summary>
    public long CreatedAt { get; }

    /// <summary>Whether the request was admitted and has not finished.</summary>
    public bool IsRunning { get; set; }

    /// <summary>Whether the request comes back to its activation to finish, rather than arriving.</summary>
    public bool IsFinishing => Volatile.Read(ref _phase) == PhaseFinishing;

    /// <summary>Whether the caller has been answered (result, exception or timeout).</summary>
    public bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>May run while other requests are suspended in an await.</summary>
    public abstract bool IsAlwaysInterleave { get; }

    /// <summary>May run beside other read-only requests.</summary>
    public abstract bool IsReadOnly { get; }

    /// <summary>An internal turn (activation, deactivation, timer) rather than a caller's request.</summary>
    public abstract bool IsInternal { get; }

    /// <summary>What a timeout or log names: grain interface and method.</summary>
    public abstract string Describe();

    /// <summary>Runs the first turn on the grain. True when the request finished within it.</summary>
    public bool Start(object? grain)
    {
        Task? pending;
        try
        {
            pending = Invoke(grain);
        }
        catch (Exception exception)
        {
            RecordException(exception);
            return true;
        }

        if (pending is null)
        {
            return true;
        }

        _grainTask = pending;
        if (pending.IsCompleted)
        {
            return true;
        }

        // ExecuteSynchronously: the grain's task usually completes inside one of our continuations, so
        // this runs inline there and only enqueues the finish on the activation.
        pending.ContinueWith(
            static (_, state) => ((GrainRequest)state!).OnGrainTaskCompleted(),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return false;
    }

    /// <summary>Runs once after the grain's work finished, on the activation worker with no turn entered:
    /// answers the caller (or runs the internal turn's completion).</summary>
    public void Finish(ActivationData activation)
    {
        Parent = null;
        if (_grainTask is { } task)
        {
            if (task.IsFaulted)
            {
                RecordException(task.Exception!.InnerException ?? task.Exception);
            }
            else if (task.IsCanceled)
            {
                RecordException(new TaskCanceledException(task));
            }
            else
            {
                RecordResult(task);
            }

            _grainTask = null;
        }

        OnFinished(activation);
    }

    /// <summary>Answers the caller with an error (timeout, failed activation, stopping silo), once.</summary>
    public void Fail(Exception exception)
    {
        if (TryMarkCompleted())
        {
            SetCallerException(exception);
        }
    }

    /// <inheritdoc/>
    public override void Post(SendOrPostCallback d, object? state) => Target!.Enqueue(new Continuation(this, d, state));

    /// <inheritdoc/>
    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Grain turns cannot be entered synchronously from another thread.");

    /// <inheritdoc/>
    public override SynchronizationContext CreateCopy() => this;

    void IWorkItem.Execute(ActivationData activation)
    {
        if (_phase == PhaseFinishing)
        {
            activation.FinishRequest(this);
        }
        else
        {
            activation.OnRequestArrived(this);
        }
    }

    /// <summary>Makes the request arrive again (after forwarding from a deactivated activation).</summary>
    public void ResetForForwarding() => _phase = PhaseArriving;

    /// <summary>True for the first caller answer; later ones (after a timeout) are dropped.</summary>
    protected bool TryMarkCompleted() => Interlocked.Exchange(ref _completed, 1) == 0;

    /// <summary>Calls the grain method (or internal body): null when it finished synchronously and its
    /// result or exception is recorded, else the task still running.</summary>
    protected abstract Task? Invoke(object? grain);

    /// <summary>Keeps the result of a grain task that completed.</summary>
    protected abstract void RecordResult(Task completedTask);

    /// <summary>Keeps the exception the grain threw.</summary>
    protected abstract void RecordException(Exception exception);

    /// <summary>Reports the outcome.</summary>
    protected abstract void OnFinished(ActivationData activation);

    /// <summary>Faults the caller's task.</summary>
    protected abstract void SetCallerException(Exception exception);

    private void OnGrainTaskCompleted()
    {
        Volatile.Write(ref _phase, PhaseFinishing);
        Target!.Enqueue(this);
    }
}
