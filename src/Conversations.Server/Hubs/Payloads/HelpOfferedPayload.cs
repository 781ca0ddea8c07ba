using Conversations.Contracts;

namespace Conversations.Server.Hubs.Payloads;

/// <summary>The widget's <c>helpOffered</c> event.</summary>
public sealed record HelpOfferedPayload(string ConversationId, AgentRef Agent);
