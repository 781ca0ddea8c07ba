namespace Conversations.Server.Hubs.Requests;

/// <summary>The console's <c>transfer</c>; neither target means the site queue.</summary>
public sealed record TransferArgument(string? ConversationId, string? AgentId, string? TeamId);
