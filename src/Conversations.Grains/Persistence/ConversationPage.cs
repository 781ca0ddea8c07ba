namespace Conversations.Grains.Persistence;

/// <summary>A page of the conversation index, most recently updated first.</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationIndexEntry> Items, string? NextCursor);
