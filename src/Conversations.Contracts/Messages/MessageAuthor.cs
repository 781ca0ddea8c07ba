namespace Conversations.Contracts;

/// <summary>The author of a message.</summary>
/// <param name="Kind">customer, bot, agent or system.</param>
/// <param name="Id">The contact, assistant or agent id.</param>
/// <param name="Name">The name shown.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.MessageAuthor")]
public sealed record MessageAuthor(AuthorKind Kind, string? Id, string Name);
