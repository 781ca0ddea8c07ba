using System.Diagnostics;
using System.Text.Json;

namespace Conversations.Benchmarks;

/// <summary>The CI-sized actor benchmark on an Orleans silo: grain-call throughput over 1,000 grains with many
/// concurrent callers outside grains, the same through relay grains (each call one grain-to-grain call),
/// one-caller ping-pong latency, and the same throughput load on a hand-written channel actor in the same
/// run as the baseline. Prints one JSON line last.</summary>
public static class ActorsQuick
{
    private const int Grains = 1_000;
    private const int Callers = 2_000;

    // Each caller moves to another grain on every call (919 steps round the 1,000), so calls spread
    // over all activations instead of piling onto one.
    private const int Stride = 7_919;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(6);

    public static async Task<int> RunAsync()
    {
        await using var silo = await BenchmarkSilo.StartAsync();
        var grains = Enumerable.Range(0, Grains).Select(i => silo.GrainFactory.GetGrain<IPingGrain>($"g{i}")).ToArray();
        var relays = Enumerable.Range(0, Grains).Select(i => silo.GrainFactory.GetGrain<IRelayGrain>($"r{i}")).ToArray();
        var actors = Enumerable.Range(0, Grains).Select(_ => new ChannelActor()).ToArray();

        var grainRate = await ThroughputAsync(i => grains[(int)((uint)i % Grains)].Ping(i));
        var grainToGrainRate = await ThroughputAsync(i => relays[(int)((uint)i % Grains)].Relay($"g{(uint)(i + 1) % Grains}", i));
        var baselineRate = await ThroughputAsync(i => actors[(int)((uint)i % Grains)].Ping(i));
        var pingPong = await PingPongMedianMicrosAsync(grains[0]);
        foreach (var actor in actors)
        {
            actor.Stop();
        }

        Console.Error.WriteLine($"grain calls/s {grainRate:N0}; grain-to-grain calls/s {grainToGrainRate:N0}; channel actor calls/s {baselineRate:N0}; ping-pong median {pingPong:N2} µs");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            scenario = "actors",
            grainCallsPerSec = Math.Round(grainRate),
            pingPongMicros = Math.Round(pingPong, 2),
            baselineCallsPerSec = Math.Round(baselineRate),
            ratio = Math.Round(grainRate / baselineRate, 3),
            grainToGrainCallsPerSec = Math.Round(grainToGrainRate),
        }));
        return 0;
    }

    private static async Task<double> ThroughputAsync(Func<int, Task<int>> call)
    {
        long completed = 0;
        var measuring = false;
        var stop = false;
        var callers = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            var i = c;
            while (!Volatile.Read(ref stop))
            {
                await call(i);
                i = unchecked(i + Stride);
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref completed);
                }
            }
        })).ToArray();

        await Task.Delay(Warmup);
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref measuring, true);
        await Task.Delay(Measure);
        Volatile.Write(ref measuring, false);
        var count = Interlocked.Read(ref completed);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(callers);
        return count / elapsed.TotalSeconds;
    }

    private static async Task<double> PingPongMedianMicrosAsync(IPingGrain grain)
    {
        for (var i = 0; i < 50_000; i++)
        {
            await grain.Ping(i);
        }

        var samples = new double[200_000];
        for (var i = 0; i < samples.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await grain.Ping(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
