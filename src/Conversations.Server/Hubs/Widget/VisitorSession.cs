namespace Conversations.Server.Hubs.Widget;

/// <summary>The visitor a widget connection acts for, set by <c>start</c> from the verified token.</summary>
public sealed record VisitorSession(string WorkspaceId, string SiteId, string ContactId);
