namespace Conversations.Contracts;

/// <summary>An uploaded file attached to a message.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.Attachment")]
public sealed record Attachment(string Id, string Url, string ContentType, string Name);
