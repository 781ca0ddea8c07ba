using Conversations.Contracts;

namespace Conversations.Server.Contacts;

/// <summary>A contact as the console's side panel shows it; <c>conversations</c> are newest first.</summary>
public sealed record ContactResponse(
    string Id,
    string DisplayName,
    string? Email,
    string? Locale,
    bool Online,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> CustomFields,
    IReadOnlyList<ConversationSummary> Conversations);
