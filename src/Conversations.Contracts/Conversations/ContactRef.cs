namespace Conversations.Contracts;

/// <summary>The contact of a conversation summary.</summary>
public sealed record ContactRef(string Id, string DisplayName, bool Online);
