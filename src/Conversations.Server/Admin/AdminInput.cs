using Conversations.Contracts;
using Conversations.Server.Api;

namespace Conversations.Server.Admin;

/// <summary>Field checks shared by the administration endpoints; each adds a message naming its field.</summary>
public static class AdminInput
{
    /// <summary>Required text of 1 to <paramref name="max"/> characters, trimmed; null when wrong.</summary>
    public static string? Text(string? value, string field, int max, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required.");
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max || trimmed.Any(char.IsControl))
        {
            errors.Add(field, $"{field} must be at most {max} characters, without control characters.");
            return null;
        }

        return trimmed;
    }

    /// <summary>An id for a grain key, route key and URL segment: 1 to 64 letters, digits, '-', '_' or '.'.</summary>
    public static string? Id(string? value, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(field, $"{field} must be 1 to 64 letters, digits, '-', '_' or '.'.");
            return null;
        }

        return value;
    }

    /// <summary>An absolute http or https URL, or null when absent.</summary>
    public static string? HttpUrl(string? value, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // An image uploaded here (an avatar) is served by this server under a root-relative path.
        if (value.StartsWith("/api/uploads/", StringComparison.Ordinal) && value.Length == 45 && value[13..].All(char.IsAsciiHexDigitLower))
        {
            return value;
        }

        if (value.Length > 2048 || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.UserInfo.Length > 0)
        {
            errors.Add(field, $"{field} must be an absolute http or https URL without credentials.");
            return null;
        }

        return uri.AbsoluteUri;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or the default when absent.</summary>
    public static int Range(int? value, string field, int min, int max, int defaultValue, FieldErrors errors)
    {
        if (value is not { } given)
        {
            return defaultValue;
        }

        if (given < min || given > max)
        {
            errors.Add(field, $"{field} must be from {min} to {max}.");
            return defaultValue;
        }

        return given;
    }

    public static AgentRole Role(string? value, FieldErrors errors)
    {
        switch (value)
        {
            case null or "agent":
                return AgentRole.Agent;
            case "supervisor":
                return AgentRole.Supervisor;
            case "admin":
                return AgentRole.Admin;
            case "botmaster":
                return AgentRole.Botmaster;
            default:
                errors.Add("role", "role must be agent, supervisor, botmaster or admin.");
                return AgentRole.Agent;
        }
    }

    public static ReopenPolicy Reopen(string? value, ReopenPolicy current, FieldErrors errors)
    {
        switch (value)
        {
            case null:
                return current;
            case "newConversation":
                return ReopenPolicy.NewConversation;
            case "reopen":
                return ReopenPolicy.Reopen;
            default:
                errors.Add("reopenPolicy", "reopenPolicy must be newConversation or reopen.");
                return current;
        }
    }

    /// <summary>Site ids that all exist in the workspace; null stays null (every site).</summary>
    public static IReadOnlyList<string>? SiteIds(IReadOnlyList<string>? ids, WorkspaceView workspace, string field, FieldErrors errors)
    {
        if (ids is null)
        {
            return null;
        }

        var unknown = ids.Where(id => workspace.Sites.All(s => s.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(field, $"{field} names sites that do not exist: {string.Join(", ", unknown)}.");
        }

        return [.. ids.Distinct()];
    }
}
