using System.Diagnostics.Metrics;
using Conversations.Actors.Tests.Grains;
using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Runtime;

public sealed class MetricsTests
{
    [Fact]
    public async Task Calls_WithAListener_AreCountedAndTimed()
    {
        long calls = 0;
        var durations = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Conversations.Actors")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "actors.calls")
            {
                Interlocked.Add(ref calls, value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument.Name == "actors.call.duration")
            {
                Interlocked.Increment(ref durations);
            }
        });
        listener.Start();
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;

        for (var i = 0; i < 10; i++)
        {
            await silo.GetGrain<ICounterGrain>("m").Increment();
        }

        Assert.True(Interlocked.Read(ref calls) >= 10);
        Assert.True(Volatile.Read(ref durations) >= 10);
    }
}
