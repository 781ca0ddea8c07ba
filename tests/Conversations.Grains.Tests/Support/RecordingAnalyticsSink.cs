using System.Collections.Concurrent;
using Conversations.Grains.Persistence;

namespace Conversations.Grains.Tests.Support;

/// <summary>Keeps analytics events for assertions.</summary>
public sealed class RecordingAnalyticsSink : IAnalyticsSink
{
    public ConcurrentQueue<AnalyticsEvent> Events { get; } = new();

    public void Record(AnalyticsEvent analyticsEvent) => Events.Enqueue(analyticsEvent);
}
