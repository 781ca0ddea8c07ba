namespace Conversations.Server.Hubs.Payloads;

/// <summary>The widget's <c>queue</c> event.</summary>
public sealed record QueuePayload(string ConversationId, int Position, int EstimatedWaitSeconds);
