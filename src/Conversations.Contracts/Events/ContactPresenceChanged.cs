namespace Conversations.Contracts;

/// <summary>A contact came online or went offline (console <c>contactPresence</c>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ContactPresenceChanged")]
public sealed record ContactPresenceChanged(string WorkspaceId, string ContactId, bool Online, IReadOnlyList<string> OpenConversationIds)
    : ConversationEvent(WorkspaceId);
