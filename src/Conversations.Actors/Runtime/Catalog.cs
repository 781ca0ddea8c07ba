using System.Collections.Concurrent;

namespace Conversations.Actors;

/// <summary>The activations of this silo, at most one per grain id, plus the two sweeps over them:
/// idle collection and response timeouts.</summary>
internal sealed class Catalog : IDisposable
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly SiloRuntime _runtime;
    private ITimer? _collector;
    private ITimer? _timeoutSweep;
    private volatile bool _stopping;

    public Catalog(SiloRuntime runtime) => _runtime = runtime;

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    /// <summary>The activation of this grain, created if needed; false once the silo is stopping.</summary>
    public bool TryGetOrCreate(GrainId grainId, GrainClassInfo classInfo, out ActivationData activation)
    {
        if (_activations.TryGetValue(grainId, out activation!))
        {
            return true;
        }

        if (_stopping)
        {
            return false;
        }

        // The factory may run on several racing threads; only the stored ActivationData is ever
        // scheduled, and it constructs the grain in its own first turn, so there is one activation.
        activation = _activations.GetOrAdd(grainId, static (id, state) => new ActivationData(state.Runtime, id, state.ClassInfo), (Runtime: _runtime, ClassInfo: classInfo));
        return true;
    }

    public void Remove(ActivationData activation) => _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    public void Start()
    {
        var options = _runtime.Options;
        _collector = _runtime.Time.CreateTimer(static s => ((Catalog)s!).CollectIdle(), this, options.CollectionQuantum, options.CollectionQuantum);
        var sweep = options.ResponseTimeout / 4;
        _timeoutSweep = _runtime.Time.CreateTimer(static s => ((Catalog)s!).SweepTimeouts(), this, sweep, sweep);
    }

    /// <summary>Deactivates every activation and waits for them to finish, up to the deactivation timeout.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        foreach (var activation in _activations.Values)
        {
            activation.RequestDeactivation(DeactivationReason.ShuttingDown);
        }

        var deadline = DateTime.UtcNow + _runtime.Options.DeactivationTimeout;
        while (!_activations.IsEmpty && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(5, CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _collector?.Dispose();
        _timeoutSweep?.Dispose();
    }

    private void CollectIdle()
    {
        var now = _runtime.Time.GetTimestamp();
        foreach (var activation in _activations.Values)
        {
            var age = activation.ClassInfo.CollectionAge ?? _runtime.Options.CollectionAge;
            if (activation.IsIdleSince(now, age))
            {
                activation.RequestDeactivation(DeactivationReason.ActivationIdle);
            }
        }
    }

    private void SweepTimeouts()
    {
        foreach (var activation in _activations.Values)
        {
            if (activation.HasPendingWork)
            {
                activation.ScheduleTimeoutCheck();
            }
        }
    }
}
