namespace Conversations.Contracts;

/// <summary>The widget's <c>start</c>, after the edge resolved the visitor token to this contact.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ContactStart")]
public sealed record ContactStart(
    string WorkspaceId,
    string SiteId,
    string? VisitorToken = null,
    string? Locale = null,
    IReadOnlyDictionary<string, string>? Variables = null,
    VerifiedIdentity? Identity = null,
    MonitoringMode Monitoring = MonitoringMode.None);
