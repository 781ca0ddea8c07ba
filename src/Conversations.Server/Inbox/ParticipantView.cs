namespace Conversations.Server.Inbox;

/// <summary>An agent who took part in a conversation.</summary>
public sealed record ParticipantView(string Id, string Name, string? AvatarUrl);
