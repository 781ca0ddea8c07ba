namespace Conversations.Contracts;

/// <summary>An agent offers help to a customer the assistant handles (widget <c>helpOffered</c>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.HelpOffered")]
public sealed record HelpOffered(string WorkspaceId, string SiteId, string ConversationId, string ContactId, AgentRef Agent)
    : ConversationEvent(WorkspaceId);
