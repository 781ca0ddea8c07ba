namespace Conversations.Contracts;

/// <summary>A contact with its identities and open conversations (scope "site:{id}" or "channel:{id}").</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ContactView")]
public sealed record ContactView(
    string Id,
    string? WorkspaceId,
    string DisplayName,
    string? Email,
    string? Locale,
    string? VerifiedUserId,
    IReadOnlyList<string> VisitorTokens,
    IReadOnlyDictionary<string, string> ExternalIds,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> CustomFields,
    bool Online,
    IReadOnlyDictionary<string, string> OpenConversations,
    IReadOnlyList<string> ConversationIds);
