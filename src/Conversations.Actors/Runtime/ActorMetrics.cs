using System.Diagnostics.Metrics;

namespace Conversations.Actors;

/// <summary>The runtime's meters: activations, calls, call duration and mailbox length. Recording is
/// skipped when nothing listens, so an unobserved silo pays a flag check per call.</summary>
internal sealed class ActorMetrics : IDisposable
{
    /// <summary>The meter name to subscribe to.</summary>
    public const string MeterName = "Conversations.Actors";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly UpDownCounter<long> _activations;

    public ActorMetrics(Func<IEnumerable<ActivationData>> activations)
    {
        _meter = new Meter(MeterName);
        _calls = _meter.CreateCounter<long>("actors.calls", description: "Grain calls completed.");
        _callDuration = _meter.CreateHistogram<double>("actors.call.duration", unit: "ms", description: "Time from call to answer.");
        _activations = _meter.CreateUpDownCounter<long>("actors.activations", description: "Live activations.");
        _meter.CreateObservableGauge(
            "actors.mailbox.length",
            () => activations().Sum(a => (long)a.MailboxLength),
            description: "Work items queued on activations.");
    }

    public void CallCompleted(TimeProvider time, long startedAt)
    {
        if (_calls.Enabled)
        {
            _calls.Add(1);
        }

        if (_callDuration.Enabled)
        {
            _callDuration.Record(time.GetElapsedTime(startedAt).TotalMilliseconds);
        }
    }

    public void ActivationCreated() => _activations.Add(1);

    public void ActivationRemoved() => _activations.Add(-1);

    public void Dispose() => _meter.Dispose();
}
