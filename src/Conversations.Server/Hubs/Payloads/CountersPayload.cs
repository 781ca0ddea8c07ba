namespace Conversations.Server.Hubs.Payloads;

/// <summary>The console's <c>counters</c> event: queue sizes over the agent's sites, conversations with
/// unread customer messages, and the agent's live conversations.</summary>
public sealed record CountersPayload(int Waiting, int Unassigned, int Unread, int Mine);
