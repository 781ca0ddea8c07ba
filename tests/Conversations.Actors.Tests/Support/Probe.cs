using System.Collections.Concurrent;

namespace Conversations.Actors.Tests.Support;

/// <summary>What test grains report back: activations, deactivations, the order of turns, and gates
/// that hold a turn suspended until the test opens them.</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentQueue<string> _log = new();
    private int _activations;
    private int _deactivations;

    public int Activations => Volatile.Read(ref _activations);

    public int Deactivations => Volatile.Read(ref _deactivations);

    public IReadOnlyList<string> Log => [.. _log];

    public List<DeactivationReason> DeactivationReasons { get; } = [];

    public void Activated() => Interlocked.Increment(ref _activations);

    public void Deactivated(DeactivationReason reason)
    {
        lock (DeactivationReasons)
        {
            DeactivationReasons.Add(reason);
        }

        Interlocked.Increment(ref _deactivations);
    }

    public void Record(string entry) => _log.Enqueue(entry);

    /// <summary>A task that completes when the test opens the gate.</summary>
    public Task Gate(string name) => _gates.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Open(string name) => _gates.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Lets a grain tell the test it reached a point.</summary>
    public void Signal(string name) => _signals.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public Task WhenSignaled(string name) =>
        _signals.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(10));
}
