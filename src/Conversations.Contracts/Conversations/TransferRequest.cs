namespace Conversations.Contracts;

/// <summary>Moves a live conversation to another agent (stays live) or to a team or the queue (waiting);
/// neither target means the site queue.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.TransferRequest")]
public sealed record TransferRequest(string ActingAgentId, string? ToAgentId, string? ToTeamId);
