namespace Conversations.Server.Hubs.Security;

/// <summary>What a visitor token carries: the visitor is this contact, on this site of this workspace.</summary>
public sealed record VisitorIdentity(string WorkspaceId, string SiteId, string ContactId);
