namespace Conversations.Grains.Contact;

/// <summary>The stored state of a contact.</summary>
public sealed class ContactGrainState
{
    /// <summary>The tenant, set by the first start or inbound message; a contact never crosses tenants.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>The name agents see (a pseudonym until the customer is known).</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Email, when known.</summary>
    public string? Email { get; set; }

    /// <summary>Language, when known.</summary>
    public string? Locale { get; set; }

    /// <summary>The customer site's user id, once verified by HMAC.</summary>
    public string? VerifiedUserId { get; set; }

    /// <summary>Visitor tokens that resolved to this contact.</summary>
    public List<string> VisitorTokens { get; set; } = [];

    /// <summary>Provider user id per channel id.</summary>
    public Dictionary<string, string> ExternalIds { get; set; } = [];

    /// <summary>Variables from the widget and the assistant.</summary>
    public Dictionary<string, string> Variables { get; set; } = [];

    /// <summary>Custom fields set by agents.</summary>
    public Dictionary<string, string> CustomFields { get; set; } = [];

    /// <summary>The latest conversation per scope ("site:{id}" or "channel:{id}"); it may be closed.</summary>
    public Dictionary<string, string> OpenConversations { get; set; } = [];

    /// <summary>Every conversation of the contact, with its scope.</summary>
    public Dictionary<string, string> ConversationScopes { get; set; } = [];
}
