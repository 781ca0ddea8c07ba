using Conversations.Storage.Analytics;

namespace Conversations.Server.Analytics;

/// <summary>The answer of <c>GET /api/analytics</c>: events per type in [from, to).</summary>
public sealed record AnalyticsSummary(DateTimeOffset From, DateTimeOffset To, long Total, IReadOnlyList<EventTypeCount> Events);
