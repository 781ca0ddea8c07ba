namespace Conversations.Server.Abuse;

/// <summary>A call over budget: what was exceeded, and how long until the budget has room again.</summary>
public sealed record AbuseRefusal(string Message, int RetryAfterSeconds);
