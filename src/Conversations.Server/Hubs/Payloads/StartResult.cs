using Conversations.Contracts;

namespace Conversations.Server.Hubs.Payloads;

/// <summary>What <c>start</c> returns.</summary>
public sealed record StartResult(string ConversationId, string VisitorToken, ConversationState State, IReadOnlyList<Message> Messages);
