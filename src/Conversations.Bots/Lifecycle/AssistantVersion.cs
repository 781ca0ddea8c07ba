namespace Conversations.Bots.Lifecycle;

/// <summary>A published version: immutable, numbered, kept so that a publish can be rolled back.</summary>
/// <param name="Number">1 for the first publish, one more for each publish or rollback.</param>
/// <param name="Yaml">The definition as published.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="PublishedBy">Who (a user id), when known.</param>
/// <param name="RolledBackFrom">For a rollback, the version it replaced.</param>
public sealed record AssistantVersion(int Number, string Yaml, DateTimeOffset PublishedAt, string? PublishedBy, int? RolledBackFrom = null);
