namespace Conversations.Server.Hubs.Requests;

/// <summary>The widget's <c>start</c> argument.</summary>
public sealed record StartRequest(
    string? SiteId,
    string? VisitorToken,
    string? Locale,
    Dictionary<string, string>? Variables,
    IdentityArgument? Identity);
