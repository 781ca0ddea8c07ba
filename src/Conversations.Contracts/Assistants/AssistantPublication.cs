namespace Conversations.Contracts;

/// <summary>A published version with its definition, immutable once published.</summary>
/// <param name="Number">The version number.</param>
/// <param name="Yaml">The definition as published.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="PublishedBy">Who (a user id), when known.</param>
/// <param name="RolledBackFrom">For a rollback, the version it replaced.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AssistantPublication")]
public sealed record AssistantPublication(int Number, string Yaml, DateTimeOffset PublishedAt, string? PublishedBy, int? RolledBackFrom);
