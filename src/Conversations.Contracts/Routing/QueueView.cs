namespace Conversations.Contracts;

/// <summary>A queue in service order, with the moving-average wait used for estimates.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.QueueView")]
public sealed record QueueView(string WorkspaceId, string SiteId, bool AutoAssignment, IReadOnlyList<QueueEntry> Entries, double AverageWaitSeconds);
