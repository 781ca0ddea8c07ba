using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Api;

namespace Conversations.Server.Admin;

/// <summary>The body of <c>PUT /api/agents/{id}</c>, a partial update: a field absent (or null) keeps its
/// value. <c>allowedSiteIds</c> and <c>avatarUrl</c> tell absent (keep) from an explicit null (every site;
/// no picture), which is why the body is read as JSON before it is bound.</summary>
public sealed record AgentUpdate(AgentRequest Request, bool HasAllowedSiteIds, bool HasAvatarUrl)
{
    /// <summary>The update, or null with the offending field named in <paramref name="errors"/>.</summary>
    public static AgentUpdate? Read(JsonElement? body, FieldErrors errors)
    {
        if (body is not { ValueKind: JsonValueKind.Object } json)
        {
            errors.Add("body", "The body must be a JSON object with the fields to change.");
            return null;
        }

        try
        {
            var request = json.Deserialize<AgentRequest>(JsonSerializerOptions.Web)!;
            return new AgentUpdate(request, Has(json, "allowedSiteIds"), Has(json, "avatarUrl"));
        }
        catch (JsonException error)
        {
            var field = error.Path is { Length: > 2 } path ? path[2..].Split('.', '[')[0] : "body";
            errors.Add(field, $"{field} has the wrong type.");
            return null;
        }
    }

    /// <summary>The profile after the update: what was sent, checked, over what is kept.</summary>
    public AgentProfile? ApplyTo(AgentProfile current, WorkspaceView workspace, FieldErrors errors)
    {
        var displayName = Request.DisplayName is null ? current.DisplayName : AdminInput.Text(Request.DisplayName, "displayName", 100, errors);
        var role = Request.Role is null ? current.Role : AdminInput.Role(Request.Role, errors);
        var sites = HasAllowedSiteIds ? AdminInput.SiteIds(Request.AllowedSiteIds, workspace, "allowedSiteIds", errors) : current.AllowedSiteIds;
        var capacity = AdminInput.Range(Request.Capacity, "capacity", 1, 100, current.Capacity, errors);
        var avatar = HasAvatarUrl ? AdminInput.HttpUrl(Request.AvatarUrl, "avatarUrl", errors) : current.AvatarUrl;
        return errors.Any ? null : current with
        {
            DisplayName = displayName!,
            Role = role,
            AllowedSiteIds = sites,
            Capacity = capacity,
            ShowBotConversations = Request.ShowBotConversations ?? current.ShowBotConversations,
            AvatarUrl = avatar,
        };
    }

    /// <summary>Whether the change alters what the agent may do or see (role, sites): its sessions and
    /// live connections must then end, as they were authorized on the old profile.</summary>
    public static bool ChangesAccess(AgentProfile before, AgentProfile after) =>
        before.Role != after.Role ||
        (before.AllowedSiteIds is null) != (after.AllowedSiteIds is null) ||
        (before.AllowedSiteIds is { } old && !old.Order(StringComparer.Ordinal).SequenceEqual(after.AllowedSiteIds!.Order(StringComparer.Ordinal)));

    private static bool Has(JsonElement json, string property) =>
        json.EnumerateObject().Any(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase));
}
