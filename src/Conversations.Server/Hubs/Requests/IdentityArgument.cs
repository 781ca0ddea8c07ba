namespace Conversations.Server.Hubs.Requests;

/// <summary>A user of the customer's own site, signed by it (<c>hash</c> = hex HMAC-SHA256 of <c>userId</c>).</summary>
public sealed record IdentityArgument(string? UserId, string? Email, string? Name, string? Hash);
