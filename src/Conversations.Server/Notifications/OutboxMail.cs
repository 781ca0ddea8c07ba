namespace Conversations.Server.Notifications;

/// <summary>One mail of the Outbox; <c>kind</c> is handoff, assigned or message.</summary>
public sealed record OutboxMail(
    string Id,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    DateTimeOffset Date,
    string? Kind,
    string? ConversationId,
    string Text);
