namespace Conversations.Server.Connectors;

/// <summary>The provider's user who wrote an inbound message.</summary>
public sealed record InboundSender(string? Id, string? Name, string? Locale);
