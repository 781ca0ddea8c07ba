using Conversations.Contracts;

namespace Conversations.Server.Hubs.Payloads;

/// <summary>The console's <c>presence</c> event.</summary>
public sealed record PresencePayload(string AgentId, AgentStatus Status);
