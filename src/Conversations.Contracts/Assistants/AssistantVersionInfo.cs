namespace Conversations.Contracts;

/// <summary>A published version without its definition.</summary>
/// <param name="Number">1 for the first publish, one more for each publish or rollback.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="PublishedBy">Who (a user id), when known.</param>
/// <param name="RolledBackFrom">For a rollback, the version it replaced.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AssistantVersionInfo")]
public sealed record AssistantVersionInfo(int Number, DateTimeOffset PublishedAt, string? PublishedBy, int? RolledBackFrom);
