using Conversations.Contracts;
using Conversations.Server.Api;

namespace Conversations.Server.Assistants;

/// <summary>Which sites and channels an assistant answers on. The workspace's site and channel configurations
/// hold the answer (<see cref="SiteConfig.AssistantId"/>, <see cref="ChannelConfig.AssistantId"/>), read by a
/// conversation when it starts: one field per site or channel, so each has at most one assistant, and
/// connecting an assistant replaces the previous one. A disconnected site or channel gets the default
/// response (<see cref="AssistantKeys.DefaultResponse"/>): a greeting, then the queue.</summary>
public static class AssistantConnections
{
    public static (IReadOnlyList<string> Sites, IReadOnlyList<string> Channels) Of(WorkspaceView workspace, string assistantId) =>
        ([.. workspace.Sites.Where(s => s.AssistantId == assistantId).Select(s => s.Id).Order(StringComparer.Ordinal)],
         [.. workspace.Channels.Where(c => c.AssistantId == assistantId).Select(c => c.Id).Order(StringComparer.Ordinal)]);

    /// <summary>The field errors of a request: every listed id must be a site or channel of the workspace.</summary>
    public static FieldErrors Validate(WorkspaceView workspace, AssistantChannelsRequest? request)
    {
        var errors = new FieldErrors();
        if (request is null || (request.Sites is null && request.Channels is null))
        {
            errors.Add("sites", "sites or channels is required (an empty list disconnects).");
            return errors;
        }

        Check(request.Sites, "sites", id => workspace.Sites.Any(s => s.Id == id), errors);
        Check(request.Channels, "channels", id => workspace.Channels.Any(c => c.Id == id), errors);
        return errors;
    }

    /// <summary>Connects the assistant to exactly the listed sites and channels (a list left out is unchanged).
    /// Each site or channel is one write of the workspace, so a request cut short leaves every one of them
    /// with exactly one assistant, and repeating it completes it.</summary>
    public static async Task ConnectAsync(IWorkspaceGrain workspaceGrain, WorkspaceView workspace, string actingAgentId, string assistantId, AssistantChannelsRequest request)
    {
        if (request.Sites is { } sites)
        {
            foreach (var site in workspace.Sites)
            {
                if (Target(site.AssistantId, sites.Contains(site.Id), assistantId) is { } next)
                {
                    await workspaceGrain.UpsertSiteAsync(actingAgentId, site with { AssistantId = next });
                }
            }
        }

        if (request.Channels is { } channels)
        {
            foreach (var channel in workspace.Channels)
            {
                if (Target(channel.AssistantId, channels.Contains(channel.Id), assistantId) is { } next)
                {
                    await workspaceGrain.UpsertChannelAsync(actingAgentId, channel with { AssistantId = next });
                }
            }
        }
    }

    /// <summary>The assistant a site or channel moves to, or null when it stays as it is.</summary>
    private static string? Target(string? current, bool listed, string assistantId) =>
        listed && current != assistantId ? assistantId
        : !listed && current == assistantId ? AssistantKeys.DefaultResponse
        : null;

    private static void Check(IReadOnlyList<string>? ids, string field, Func<string, bool> exists, FieldErrors errors)
    {
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(ids![i]) || !exists(ids[i]))
            {
                errors.Add($"{field}[{i}]", $"'{ids[i]}' is not a {field[..^1]} of this workspace.");
            }
        }
    }
}
