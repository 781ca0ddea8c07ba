using Conversations.Contracts;

namespace Conversations.Server.Connectors;

/// <summary>The body POSTed to a channel's webhook for an outbound message.</summary>
public sealed record WebhookPayload(string Type, string DeliveryId, string ConversationId, WebhookRecipient To, Message Message);
