namespace Conversations.Server.Notifications;

/// <summary>The Outbox: <c>transport</c> says whether mails go to SMTP (then this list stays empty) or
/// to the pickup folder.</summary>
public sealed record OutboxResponse(string Transport, IReadOnlyList<OutboxMail> Mails);
