namespace Conversations.Server.Inbox;

/// <summary>The contact of a conversation's detail view, with its variables.</summary>
public sealed record ContactDetail(string Id, string DisplayName, bool Online, IReadOnlyDictionary<string, string> Variables);
