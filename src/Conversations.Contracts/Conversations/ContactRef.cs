namespace Conversations.Contracts;

/// <summary>The contact of a conversation summary.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ContactRef")]
public sealed record ContactRef(string Id, string DisplayName, bool Online);
