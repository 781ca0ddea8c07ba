using Conversations.Contracts;

namespace Conversations.Server.Hubs.Payloads;

/// <summary>The console's <c>notification</c> event.</summary>
public sealed record NotificationPayload(NotificationKind Kind, string ConversationId, string Title, string Body);
