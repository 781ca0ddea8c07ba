namespace Conversations.Contracts;

/// <summary>A signed-in user of the customer's own site: <paramref name="Hash"/> is the hex
/// HMAC-SHA256 of <paramref name="UserId"/> with the site's identity-verification secret.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.VerifiedIdentity")]
public sealed record VerifiedIdentity(string UserId, string Hash, string? Email = null, string? Name = null);
