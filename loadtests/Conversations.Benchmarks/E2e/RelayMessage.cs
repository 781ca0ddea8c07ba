namespace Conversations.Benchmarks.E2e;

/// <summary>What the relay forwards: sized like a chat message, stamped by the sender for latency.</summary>
public sealed record RelayMessage(string ConversationId, string ClientMessageId, string Text, long SentAtTimestamp);
