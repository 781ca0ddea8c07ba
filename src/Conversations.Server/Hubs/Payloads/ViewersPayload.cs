using Conversations.Contracts;

namespace Conversations.Server.Hubs.Payloads;

/// <summary>The console's <c>viewers</c> event: the agents who have the conversation open right now.</summary>
public sealed record ViewersPayload(string ConversationId, IReadOnlyList<AgentRef> Agents);
