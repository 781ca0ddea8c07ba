namespace Conversations.Server.Contacts;

/// <summary>Custom fields to set on a contact; other fields stay as they are.</summary>
public sealed record ContactFieldsRequest(IReadOnlyDictionary<string, string?>? Fields);
