using System.Collections.Concurrent;
using System.Diagnostics;
using Conversations.Testing.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Benchmarks.E2e;

/// <summary>Matches what agents receive with what customers sent (by client message id) and keeps the
/// customer → agent delivery latencies and counts of one measurement window.</summary>
public sealed class DeliveryRecorder
{
    private readonly ConcurrentDictionary<string, long> _sentAt = new();
    private readonly ConcurrentQueue<double> _latenciesMs = new();
    private long _delivered;
    private volatile bool _recording;

    public long Delivered => Interlocked.Read(ref _delivered);

    public void Start()
    {
        _latenciesMs.Clear();
        Interlocked.Exchange(ref _delivered, 0);
        _recording = true;
    }

    public void Stop() => _recording = false;

    /// <summary>Records the <c>message</c> events <paramref name="agent"/> receives, bound by the official client
    /// straight to <see cref="DeliveredMessage"/>. Read through <see cref="HubClient.On{T}"/>, each event was parsed
    /// into a JSON document first: a fifth of this process's allocations, whose GC pauses then showed in the latencies.</summary>
    public void Follow(HubClient agent) => agent.Connection.On<DeliveredMessage>("message", m => Received(m.ClientMessageId));

    public void Sent(string clientMessageId) => _sentAt[clientMessageId] = Stopwatch.GetTimestamp();

    public void Received(string? clientMessageId)
    {
        if (clientMessageId is null || !_sentAt.TryRemove(clientMessageId, out var sentAt) || !_recording)
        {
            return;
        }

        Interlocked.Increment(ref _delivered);
        _latenciesMs.Enqueue(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
    }

    /// <summary>The latency at percentile <paramref name="p"/> (0–100) of this window, in ms.</summary>
    public double Percentile(double p)
    {
        var sorted = _latenciesMs.ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}
