namespace Conversations.Server.Security;

/// <summary>Who a widget visitor is, as its signed visitor token says.</summary>
public sealed record VisitorIdentity(string WorkspaceId, string SiteId, string ContactId);
