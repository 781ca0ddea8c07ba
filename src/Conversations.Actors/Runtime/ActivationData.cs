using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversations.Actors;

/// <summary>One activation of a grain: its mailbox, its scheduler and its life cycle. Producers add to
/// a lock-free inbox; a single thread-pool work item at a time drains it in batches (the interlocked
/// <c>_scheduled</c> flag), so everything below the inbox is touched by one thread at a time.</summary>
internal sealed class ActivationData : IThreadPoolWorkItem
{
    private const int MaxCallChainDepth = 256;

    private readonly ConcurrentQueue<IWorkItem> _inbox = new();
    private readonly Queue<GrainRequest> _waiting = new();
    private readonly List<GrainRequest> _running = new(1);
    private readonly TimeoutCheck _timeoutCheck;
    private int _scheduled;
    private int _timeoutCheckQueued;
    private volatile int _runningCount;
    private volatile int _waitingCount;
    private volatile ActivationStatus _status;
    private DeactivationReason? _deactivationReason;
    private bool _admitPending;
    private Exception? _activationException;
    private object? _grain;
    private IServiceScope? _scope;
    private List<IStateLoader>? _states;
    private List<GrainTimer>? _timers;
    private long _lastActivity;
    private long _batchStartedAt;
    private long _keepAliveUntil;

    public ActivationData(SiloRuntime runtime, GrainId grainId, GrainClassInfo classInfo)
    {
        Runtime = runtime;
        GrainId = grainId;
        ClassInfo = classInfo;
        _timeoutCheck = new TimeoutCheck();
        _lastActivity = runtime.Time.GetTimestamp();
    }

    public SiloRuntime Runtime { get; }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    /// <summary>The activation's service scope (valid once activating).</summary>
    public IServiceProvider Services => _scope?.ServiceProvider ?? Runtime.Services;

    /// <summary>Whether the activation is gone and references must look up a new one.</summary>
    public bool IsInvalid => _status == ActivationStatus.Invalid;

    /// <summary>Admitted and waiting requests (inbox aside), kept by the worker and read without a lock by
    /// the sweeps: an approximate figure is all they need, and no atomic operation per call pays for it.</summary>
    public int PendingRequests => _runningCount + _waitingCount;

    /// <summary>Items waiting in the inbox plus requests waiting for admission.</summary>
    public int MailboxLength => _inbox.Count + _waiting.Count;

    /// <summary>Nothing queued, running or scheduled: the test silo waits for this.</summary>
    public bool IsQuiescent => Volatile.Read(ref _scheduled) == 0 && _inbox.IsEmpty && PendingRequests == 0;

    /// <summary>Whether anything waits for this activation: queued work or admitted requests.</summary>
    public bool HasPendingWork => !_inbox.IsEmpty || PendingRequests > 0;

    /// <summary>Adds a work item and schedules the worker if it is not already scheduled.</summary>
    public void Enqueue(IWorkItem item)
    {
        _inbox.Enqueue(item);

        // The plain read first: when the worker already runs, a failed CAS would still bounce the line.
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Drains a batch of the inbox, then yields the thread so other activations get a turn.</summary>
    public void Execute()
    {
        var batch = Runtime.Options.TurnBatchSize;

        // One clock read per batch: expiry only needs to be as fresh as the batch.
        _batchStartedAt = Runtime.Time.GetTimestamp();
        for (var i = 0; i < batch && _inbox.TryDequeue(out var item); i++)
        {
            try
            {
                item.Execute(this);
                if (_admitPending)
                {
                    AdmitWaiting();
                }
            }
            catch (Exception exception)
            {
                // Grain exceptions never get here (they go to callers); this guards the worker against
                // a runtime fault, which must not take the process down with it.
                Runtime.Logger.LogCritical(exception, "The scheduler of {GrainId} failed on a work item", GrainId);
            }
        }

        Volatile.Write(ref _scheduled, 0);
        if (!_inbox.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>A request reached the head of the inbox.</summary>
    public void OnRequestArrived(GrainRequest request)
    {
        if (_status == ActivationStatus.Created)
        {
            BeginActivation();
            if (_activationException is { } failure)
            {
                // The activation failed within its first turn: this request triggered it.
                FailWith(request, failure);
                return;
            }
        }

        if (_status == ActivationStatus.Invalid)
        {
            Forward(request);
            return;
        }

        if (!request.IsInternal && IsExpired(request, _batchStartedAt))
        {
            FailTimedOut(request);
            return;
        }

        if ((_waiting.Count == 0 || CanBypassWaiting(request)) && CanAdmit(request))
        {
            StartRequest(request);
        }
        else
        {
            _waiting.Enqueue(request);
            _waitingCount = _waiting.Count;
        }
    }

    /// <summary>An await in grain code resumed.</summary>
    public void RunContinuation(GrainRequest owner, SendOrPostCallback callback, object? state)
    {
        var saved = RuntimeContext.Enter(this, owner);
        try
        {
            callback(state);
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogError(exception, "A continuation of {Request} on {GrainId} threw", owner.Describe(), GrainId);
        }
        finally
        {
            RuntimeContext.Exit(saved);
        }
    }

    /// <summary>A running request's grain work finished: account for it and answer its caller.</summary>
    public void FinishRequest(GrainRequest request)
    {
        if (!request.IsRunning)
        {
            return;
        }

        request.IsRunning = false;
        _running.Remove(request);
        _runningCount = _running.Count;

        // Answered outside any turn: an external caller's continuation may run inline here, and it must
        // not believe it runs inside this grain.
        request.Finish(this);
        _admitPending = true;
        if (_running.Count == 0 && _deactivationReason is { } reason && _status == ActivationStatus.Valid)
        {
            BeginDeactivation(reason);
        }
    }

    /// <summary>Asks for deactivation once the running requests are done; thread-safe.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        if (RuntimeContext.CurrentActivation == this)
        {
            RequestDeactivationOnWorker(reason);
        }
        else
        {
            Enqueue(new DeactivateItem(reason));
        }
    }

    /// <summary>Keeps the activation from idle collection for a while.</summary>
    public void DelayDeactivation(TimeSpan timeSpan) =>
        _keepAliveUntil = Runtime.Time.GetTimestamp() + (long)(timeSpan.TotalSeconds * Runtime.Time.TimestampFrequency);

    /// <summary>Whether this activation has been idle longer than its collection age.</summary>
    public bool IsIdleSince(long now, TimeSpan age) =>
        !HasPendingWork && now > _keepAliveUntil &&
        Runtime.Time.GetElapsedTime(Volatile.Read(ref _lastActivity), now) >= age;

    /// <summary>Queues a check for requests waiting longer than the response timeout (at most one queued).</summary>
    public void ScheduleTimeoutCheck()
    {
        if (Interlocked.Exchange(ref _timeoutCheckQueued, 1) == 0)
        {
            Enqueue(_timeoutCheck);
        }
    }

    /// <summary>Starts a grain timer owned by this activation.</summary>
    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        (_timers ??= []).Add(timer);
        return timer;
    }

    /// <summary>Forgets a disposed timer.</summary>
    public void RemoveTimer(GrainTimer timer) => _timers?.Remove(timer);

    /// <summary>Registers a persistent state object to read before <c>OnActivateAsync</c>.</summary>
    public void AddStateLoader(IStateLoader state) => (_states ??= []).Add(state);

    /// <summary>Whether a timer turn may run (not once deactivation began).</summary>
    public bool AcceptsTimerTicks => _status is ActivationStatus.Created or ActivationStatus.Activating or ActivationStatus.Valid;

    private void RequestDeactivationOnWorker(DeactivationReason reason)
    {
        if (_status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
        {
            return;
        }

        _deactivationReason ??= reason;
        if (_status == ActivationStatus.Created)
        {
            CompleteDeactivation();
        }
        else if (_running.Count == 0 && _status == ActivationStatus.Valid)
        {
            BeginDeactivation(_deactivationReason.Value);
        }
    }

    private bool CanBypassWaiting(GrainRequest request) =>
        ClassInfo.IsReentrant || request.IsAlwaysInterleave || IsInRunningCallChain(request);

    private bool CanAdmit(GrainRequest request)
    {
        if (_status != ActivationStatus.Valid)
        {
            return false;
        }

        if (_running.Count == 0)
        {
            return true;
        }

        if (ClassInfo.IsReentrant || request.IsAlwaysInterleave)
        {
            return true;
        }

        if (request.IsReadOnly && AllRunningAreReadOnly())
        {
            return true;
        }

        return IsInRunningCallChain(request);
    }

    private bool AllRunningAreReadOnly()
    {
        foreach (var running in _running)
        {
            if (!running.IsReadOnly)
            {
                return false;
            }
        }

        return true;
    }

    // A→B→A: the call comes from a chain that one of our running requests is waiting on; making it
    // wait for that request would deadlock, so it may enter.
    private bool IsInRunningCallChain(GrainRequest request)
    {
        var depth = 0;
        for (var parent = request.Parent; parent is not null && depth < MaxCallChainDepth; parent = parent.Parent, depth++)
        {
            if (parent.IsRunning && ReferenceEquals(parent.Target, this))
            {
                return true;
            }
        }

        return false;
    }

    private void AdmitWaiting()
    {
        _admitPending = false;
        while (_waiting.TryPeek(out var next) && CanAdmit(next))
        {
            _waiting.Dequeue();
            _waitingCount = _waiting.Count;
            StartRequest(next);
        }

        _admitPending = false;
    }

    private void StartRequest(GrainRequest request)
    {
        request.IsRunning = true;
        _running.Add(request);
        _runningCount = _running.Count;
        if (!request.IsInternal)
        {
            Volatile.Write(ref _lastActivity, request.CreatedAt);
        }

        bool finished;
        var saved = RuntimeContext.Enter(this, request);
        try
        {
            finished = request.Start(_grain);
        }
        finally
        {
            RuntimeContext.Exit(saved);
        }

        if (finished)
        {
            FinishRequest(request);
        }
    }

    private void BeginActivation()
    {
        _status = ActivationStatus.Activating;
        Runtime.Metrics.ActivationCreated();
        StartRequest(new InternalTurn(
            $"activation of {GrainId}",
            ActivateAsync,
            static (activation, exception) => activation.OnActivated(exception),
            Runtime.Time.GetTimestamp())
        {
            // Awaits inside the turn post their continuations to it: storage that completes asynchronously
            // (PostgreSQL) needs the target set, as transport sets it for calls.
            Target = this,
        });
    }

    private async Task ActivateAsync()
    {
        _scope = Runtime.Services.CreateScope();
        _grain = ClassInfo.Create(this);
        if (_states is not null)
        {
            foreach (var state in _states)
            {
                await state.ReadStateAsync(CancellationToken.None);
            }
        }

        await ((Grain)_grain).OnActivateAsync(CancellationToken.None);
    }

    private void OnActivated(Exception? exception)
    {
        if (exception is null)
        {
            _status = ActivationStatus.Valid;
            _admitPending = true;
            return;
        }

        Runtime.Logger.LogError(exception, "Activation of {GrainId} failed", GrainId);
        _activationException = exception;
        _deactivationReason = DeactivationReason.ActivationFailed;
        _status = ActivationStatus.Invalid;
        DisposeResources();
        Runtime.Catalog.Remove(this);
        Runtime.Metrics.ActivationRemoved();

        // Callers see the activation's own exception; the next call tries a fresh activation.
        while (_waiting.TryDequeue(out var waiting))
        {
            if (!waiting.IsInternal)
            {
                FailWith(waiting, exception);
            }
        }

        _waitingCount = 0;

        while (_inbox.TryDequeue(out var item))
        {
            if (item is GrainRequest { IsInternal: false } request)
            {
                FailWith(request, exception);
            }
        }
    }

    private void BeginDeactivation(DeactivationReason reason)
    {
        _status = ActivationStatus.Deactivating;
        DisposeTimers();
        StartRequest(new InternalTurn(
            $"deactivation of {GrainId}",
            () => ((Grain)_grain!).OnDeactivateAsync(reason, CancellationToken.None),
            static (activation, exception) =>
            {
                if (exception is not null)
                {
                    activation.Runtime.Logger.LogWarning(exception, "OnDeactivateAsync of {GrainId} threw", activation.GrainId);
                }

                activation.CompleteDeactivation();
            },
            Runtime.Time.GetTimestamp())
        {
            Target = this,
        });
    }

    private void CompleteDeactivation()
    {
        _status = ActivationStatus.Invalid;
        DisposeResources();
        Runtime.Catalog.Remove(this);
        if (_grain is not null)
        {
            Runtime.Metrics.ActivationRemoved();
        }

        while (_waiting.TryDequeue(out var waiting))
        {
            Forward(waiting);
        }

        _waitingCount = 0;
    }

    private void Forward(GrainRequest request)
    {
        if (request.IsInternal)
        {
            return;
        }

        request.ResetForForwarding();
        Runtime.Transport.Forward(this, request);
    }

    private void DisposeTimers()
    {
        if (_timers is null)
        {
            return;
        }

        foreach (var timer in _timers.ToArray())
        {
            timer.Dispose();
        }

        _timers = null;
    }

    private void DisposeResources()
    {
        DisposeTimers();
        _scope?.Dispose();
    }

    private bool IsExpired(GrainRequest request, long now) =>
        Runtime.Time.GetElapsedTime(request.CreatedAt, now) > Runtime.Options.ResponseTimeout;

    private void FailTimedOut(GrainRequest request) => FailWith(request, TimedOut(request));

    private static void FailWith(GrainRequest request, Exception exception) => request.Fail(exception);

    private TimeoutException TimedOut(GrainRequest request) =>
        new($"Response did not arrive on time in {Runtime.Options.ResponseTimeout} for {request.Describe()} on grain {GrainId}.");

    private void CheckTimeouts()
    {
        Volatile.Write(ref _timeoutCheckQueued, 0);
        var now = Runtime.Time.GetTimestamp();
        foreach (var running in _running)
        {
            if (!running.IsInternal && !running.IsCompleted && IsExpired(running, now))
            {
                // Still running: the caller stops waiting; the turn finishes whenever it does.
                running.Fail(TimedOut(running));
            }
        }

        if (_waiting.Count == 0)
        {
            return;
        }

        var kept = _waiting.Count;
        for (var i = 0; i < kept; i++)
        {
            var waiting = _waiting.Dequeue();
            if (!waiting.IsInternal && IsExpired(waiting, now))
            {
                FailTimedOut(waiting);
            }
            else
            {
                _waiting.Enqueue(waiting);
            }
        }

        _waitingCount = _waiting.Count;
    }

    private sealed class TimeoutCheck : IWorkItem
    {
        public void Execute(ActivationData activation) => activation.CheckTimeouts();
    }

    private sealed class DeactivateItem(DeactivationReason reason) : IWorkItem
    {
        public void Execute(ActivationData activation)
        {
            if (reason == DeactivationReason.ActivationIdle &&
                !activation.IsIdleSince(activation.Runtime.Time.GetTimestamp(), activation.ClassInfo.CollectionAge ?? activation.Runtime.Options.CollectionAge))
            {
                return;
            }

            activation.RequestDeactivationOnWorker(reason);
        }
    }
}
