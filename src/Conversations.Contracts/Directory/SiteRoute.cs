namespace Conversations.Contracts;

/// <summary>Where a site belongs and how it is configured, as the edge needs it for every widget call.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.SiteRoute")]
public sealed record SiteRoute(string WorkspaceId, SiteConfig Site);
