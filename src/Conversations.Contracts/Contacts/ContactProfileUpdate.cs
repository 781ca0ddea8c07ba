namespace Conversations.Contracts;

/// <summary>Changes to a contact; null members stay as they are, dictionaries are merged.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ContactProfileUpdate")]
public sealed record ContactProfileUpdate(
    string? DisplayName = null,
    string? Email = null,
    string? Locale = null,
    IReadOnlyDictionary<string, string>? Variables = null,
    IReadOnlyDictionary<string, string>? CustomFields = null);
