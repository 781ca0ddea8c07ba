namespace Conversations.Server.Floor;

/// <summary>The supervisors' floor view at <c>asOf</c>.</summary>
public sealed record FloorResponse(
    IReadOnlyList<FloorAgent> Agents,
    IReadOnlyList<FloorWaiting> Waiting,
    int AgentsOnline,
    int WaitingCount,
    DateTimeOffset AsOf);
