namespace Conversations.Server.Connectors;

/// <summary>An image of an inbound message, by the provider's URL.</summary>
public sealed record InboundAttachment(string? Url, string? ContentType, string? Name);
