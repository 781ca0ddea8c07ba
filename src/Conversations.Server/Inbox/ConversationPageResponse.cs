using Conversations.Contracts;

namespace Conversations.Server.Inbox;

/// <summary>The answer of <c>GET /api/conversations</c>.</summary>
public sealed record ConversationPageResponse(IReadOnlyList<ConversationSummary> Items, string? NextCursor);
