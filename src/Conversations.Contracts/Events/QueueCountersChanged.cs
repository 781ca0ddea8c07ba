namespace Conversations.Contracts;

/// <summary>A site queue's size changed; <paramref name="Unassigned"/> leaves out conversations aimed at a team.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.QueueCountersChanged")]
public sealed record QueueCountersChanged(string WorkspaceId, string SiteId, int Waiting, int Unassigned)
    : ConversationEvent(WorkspaceId);
