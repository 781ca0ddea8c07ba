namespace Conversations.Server.Notifications;

/// <summary>The pickup folder's absolute path.</summary>
public sealed record OutboxDirectory(string Path);
