namespace Conversations.Storage.Analytics;

/// <summary>How many events of one type happened in a period.</summary>
public sealed record EventTypeCount(string Type, long Count);
