using System.Diagnostics;

namespace Conversations.Benchmarks.E2e;

/// <summary>The two load phases: a fixed offered rate (open loop, for latency) and saturation (every
/// customer sends again as soon as its previous message is acknowledged, for throughput).</summary>
public static class LoadPhases
{
    public static async Task<(double DeliveredPerSec, double P50Ms, double P99Ms)> FixedRateAsync(
        IChatTarget target, DeliveryRecorder recorder, int perSecond, TimeSpan duration)
    {
        // Client message ids are unique per phase: a reused id is (rightly) a duplicate the server ignores.
        var phase = Guid.NewGuid().ToString("N")[..8];
        var acks = new List<Task>();
        var sent = 0;
        recorder.Start();
        var started = Stopwatch.GetTimestamp();
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(2));
        while (Stopwatch.GetElapsedTime(started) < duration && await ticker.WaitForNextTickAsync())
        {
            var due = (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * perSecond);
            for (; sent < due; sent++)
            {
                var id = $"{phase}-{sent}";
                recorder.Sent(id);
                acks.Add(target.SendAsync(sent % target.Conversations, id));
            }
        }

        await Task.WhenAll(acks);
        await DrainAsync(recorder, sent);
        recorder.Stop();

        // Over the sending window: the drain only lets the window's last messages arrive.
        return (recorder.Delivered / duration.TotalSeconds, recorder.Percentile(50), recorder.Percentile(99));
    }

    public static async Task<(double DeliveredPerSec, double P99Ms)> SaturationAsync(IChatTarget target, DeliveryRecorder recorder, TimeSpan duration)
    {
        var phase = Guid.NewGuid().ToString("N")[..8];
        using var stop = new CancellationTokenSource(duration);
        recorder.Start();
        var started = Stopwatch.GetTimestamp();
        var customers = Enumerable.Range(0, target.Conversations).Select(async index =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var id = $"{phase}-{index}-{n}";
                recorder.Sent(id);
                await target.SendAsync(index, id);
            }
        });
        await Task.WhenAll(customers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        recorder.Stop();
        return (recorder.Delivered / elapsed, recorder.Percentile(99));
    }

    // Gives the last messages of the window time to reach their agents before counting.
    private static async Task DrainAsync(DeliveryRecorder recorder, int expected)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (recorder.Delivered < expected && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10);
        }
    }
}
