namespace Conversations.Server.Hubs.Payloads;

/// <summary>The console's <c>contactPresence</c> event.</summary>
public sealed record ContactPresencePayload(string ContactId, bool Online);
