namespace Conversations.Contracts;

/// <summary>The answer to <c>createMonitored</c>; <see cref="MailBody"/> is the workspace template filled in.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.MonitoredConversation")]
public sealed record MonitoredConversation(string ConversationId, string Link, string MailBody);
