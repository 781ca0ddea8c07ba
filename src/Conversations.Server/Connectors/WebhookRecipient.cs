namespace Conversations.Server.Connectors;

/// <summary>The channel user an outbound message is for (the provider's user id).</summary>
public sealed record WebhookRecipient(string Id);
