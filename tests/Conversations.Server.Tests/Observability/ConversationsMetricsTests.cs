using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Conversations.Contracts;
using Conversations.Server.Observability;
using Conversations.Server.Tests.Hubs;
using Conversations.Testing.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Observability;

public sealed class ConversationsMetricsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Handoff_QueuedThenAssignedAndAnswered_RecordedOnTheConversationsMeter()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = Listen(server.Services.GetRequiredService<IMeterFactory>(), measurements);
        var (widget, start) = await HubSessions.StartAsync(server, HubClientProtocol.Json);
        await using var _ = widget;
        var conversationId = start.ConversationId;

        // No agent is online yet: the conversation waits in the demo site's queue.
        var waiting = await widget.InvokeAsync<ConversationState>("requestAgent", new { conversationId });
        Assert.Equal(ConversationStatus.Waiting, waiting.Status);
        await WaitUntilAsync(() =>
        {
            listener.RecordObservableInstruments();
            return measurements.Any(m => m.Instrument == "conversations.queue.length" && m.Tags["site"] is "demo" && m.Value >= 1);
        });
        await using var agent = await HubSessions.ConsoleAsync(server, "agent1@demo.test");
        await widget.WaitForAsync<ConversationState>("state", s => s.Status == ConversationStatus.Live);
        await widget.InvokeAsync<Message>("send", new { conversationId, clientMessageId = "m", text = "counted" });
        await agent.WaitForAsync<Message>("message", m => m.Text == "counted");

        Assert.Contains(measurements, m => m.Instrument == "conversations.handoffs" && m.Tags["to"] is "waiting");
        Assert.Contains(measurements, m => m.Instrument == "conversations.messages.stored" && m.Tags["kind"] is "text");
        Assert.Contains(measurements, m => m.Instrument == "conversations.delivery.latency" && m.Value is >= 0 and < 10);
    }

    private static MeterListener Listen(IMeterFactory meters, ConcurrentQueue<(string, double, Dictionary<string, object?>)> measurements)
    {
        var listener = new MeterListener
        {
            // Only this server's meter: other test classes run servers of their own in this process.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ConversationsMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();
        return listener;
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            copy[key] = value;
        }

        return copy;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The measurement did not come within 10 s.");
            await Task.Delay(20);
        }
    }
}
