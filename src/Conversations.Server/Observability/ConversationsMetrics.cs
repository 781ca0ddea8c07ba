using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Conversations.Contracts;

namespace Conversations.Server.Observability;

/// <summary>The server's own meter, <see cref="MeterName"/>: what an operator of a contact centre watches
/// beside the framework's meters. Recorded at the edge (event handlers, fan-out), never in grains.</summary>
public sealed class ConversationsMetrics
{
    public const string MeterName = "Conversations";

    private readonly TimeProvider _time;
    private readonly Counter<long> _messagesStored;
    private readonly Counter<long> _handoffs;
    private readonly Histogram<double> _deliveryLatency;
    private readonly ConcurrentDictionary<(string WorkspaceId, string SiteId), int> _queues = new();

    public ConversationsMetrics(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        var meter = meters.Create(MeterName);
        _messagesStored = meter.CreateCounter<long>("conversations.messages.stored", "{message}", "Messages durably stored, by kind.");
        _handoffs = meter.CreateCounter<long>("conversations.handoffs", "{handoff}", "Conversations the assistant handed to humans, by the status they entered.");
        _deliveryLatency = meter.CreateHistogram<double>("conversations.delivery.latency", "s",
            "From a message's storage to its hand-over to the connections following the conversation.");
        meter.CreateObservableGauge("conversations.queue.length", ObserveQueues, "{conversation}", "Conversations waiting for an agent, by site.");
    }

    public void MessageStored(MessageKind kind) => _messagesStored.Add(1, new KeyValuePair<string, object?>("kind", Name(kind)));

    public void HandedOff(ConversationStatus to) => _handoffs.Add(1, new KeyValuePair<string, object?>("to", Name(to)));

    public void QueueChanged(string workspaceId, string siteId, int waiting) => _queues[(workspaceId, siteId)] = waiting;

    /// <summary>Records how long ago <paramref name="message"/> was stored; call once its followers' sends are issued.</summary>
    public void Delivered(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_deliveryLatency.Enabled)
        {
            _deliveryLatency.Record(Math.Max(0, (_time.GetUtcNow() - message.CreatedAt).TotalSeconds));
        }
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private IEnumerable<Measurement<int>> ObserveQueues() =>
        _queues.Select(q => new Measurement<int>(q.Value, new KeyValuePair<string, object?>("workspace", q.Key.WorkspaceId), new KeyValuePair<string, object?>("site", q.Key.SiteId)));
}
