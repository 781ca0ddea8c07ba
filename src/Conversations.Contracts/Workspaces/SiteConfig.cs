namespace Conversations.Contracts;

/// <summary>A web site the widget runs on.</summary>
/// <param name="Id">Site id.</param>
/// <param name="Name">Display name.</param>
/// <param name="AllowedOrigins">Origins the widget hub accepts for this site.</param>
/// <param name="AutoAssignment">Whether routing assigns agents; when off, agents pick from the queue.</param>
/// <param name="PseudonymTemplate">Names visitors: "{{VARIABLE}}" takes a contact variable (e.g. {{PRENOM}}), "{n}" a short number; all variables unknown gives "Visitor {n}".</param>
/// <param name="ReopenPolicy">What a customer writing into a closed conversation gets.</param>
/// <param name="IdentitySecret">HMAC secret verifying widget identities; null when not used.</param>
/// <param name="AssistantId">The published assistant answering first; null for live-chat only.</param>
/// <param name="Appearance">The widget's title, greeting, colour, avatar and launcher side; null for defaults.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.SiteConfig")]
public sealed record SiteConfig(
    string Id,
    string Name,
    IReadOnlyList<string> AllowedOrigins,
    bool AutoAssignment = true,
    string PseudonymTemplate = "Visitor {n}",
    ReopenPolicy ReopenPolicy = ReopenPolicy.NewConversation,
    string? IdentitySecret = null,
    string? AssistantId = null,
    SiteAppearance? Appearance = null);
