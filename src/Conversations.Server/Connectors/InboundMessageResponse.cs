namespace Conversations.Server.Connectors;

/// <summary>The answer to an inbound message: the conversation and the stored message's id.</summary>
public sealed record InboundMessageResponse(string ConversationId, string MessageId, bool Duplicate);
