namespace Conversations.Server.Hubs.Payloads;

/// <summary>The widget's <c>read</c> event.</summary>
public sealed record ReadPayload(string ConversationId, long UpToSeq);
