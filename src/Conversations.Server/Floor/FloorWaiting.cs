namespace Conversations.Server.Floor;

/// <summary>A waiting conversation on the floor view, longest wait first.</summary>
public sealed record FloorWaiting(
    string ConversationId,
    string SiteId,
    string? TeamId,
    string ContactName,
    DateTimeOffset WaitingSince,
    long WaitSeconds,
    int Priority);
