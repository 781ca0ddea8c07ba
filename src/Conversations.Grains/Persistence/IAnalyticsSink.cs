namespace Conversations.Grains.Persistence;

/// <summary>Where analytics events go: the <c>events</c> table, written in batches.</summary>
public interface IAnalyticsSink
{
    /// <summary>Queues an event for the next batch; does not wait for the write.</summary>
    void Record(AnalyticsEvent analyticsEvent);
}
