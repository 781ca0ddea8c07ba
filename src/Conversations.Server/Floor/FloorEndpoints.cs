using Conversations.Actors;
using Conversations.Contracts;
using Conversations.Server.Api;
using Conversations.Server.Auth;

namespace Conversations.Server.Floor;

/// <summary>Who is working and what waits: <c>GET /api/agents/online</c> lists the colleagues a
/// conversation can be transferred to, with their load, for every agent; <c>GET /api/floor</c> is the
/// supervisors' floor view (every agent with status and load, every waiting conversation with its wait).
/// Consoles refresh them on the hub's <c>presence</c>, <c>counters</c> and <c>conversation</c> events.</summary>
public static class FloorEndpoints
{
    public static IEndpointRouteBuilder MapFloorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/agents/online", OnlineAsync).RequireAuthorization(AuthPolicies.Agent);
        endpoints.MapGet("/api/floor", FloorAsync).RequireAuthorization(AuthPolicies.Supervisor);
        return endpoints;
    }

    private static async Task<IResult> OnlineAsync(HttpContext http, IGrainFactory grains, string? siteId = null)
    {
        var claims = CurrentAgent.Of(http);
        var workspace = await grains.GetGrain<IWorkspaceGrain>(claims.WorkspaceId).GetAsync();
        if (siteId is not null && workspace.Sites.All(s => s.Id != siteId) && workspace.Channels.All(c => c.Id != siteId))
        {
            var errors = new FieldErrors();
            errors.Add("siteId", $"siteId '{siteId}' is not a site or channel of this workspace.");
            return errors.ToProblem();
        }

        var agents = await AgentsAsync(grains, workspace);
        var online = agents
            .Where(a => a.Licensed && a.Status == AgentStatus.Online && (siteId is null || a.View.IsAllowedOn(siteId)))
            .OrderBy(a => a.Load)
            .ThenBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(a => a with { Teams = TeamsOf(workspace, a.Id) })
            .ToList();
        return Results.Ok(online);
    }

    private static async Task<IResult> FloorAsync(HttpContext http, IGrainFactory grains, TimeProvider clock)
    {
        var claims = CurrentAgent.Of(http);
        var workspace = await grains.GetGrain<IWorkspaceGrain>(claims.WorkspaceId).GetAsync();
        var agents = (await AgentsAsync(grains, workspace))
            .Select(a => a with { Teams = TeamsOf(workspace, a.Id) })
            .OrderBy(a => a.Status == AgentStatus.Online ? 0 : a.Status == AgentStatus.Away ? 1 : 2)
            .ThenBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var now = clock.GetUtcNow();
        var queues = await Task.WhenAll(workspace.Sites.Select(s => s.Id).Concat(workspace.Channels.Select(c => c.Id))
            .Select(site => grains.GetGrain<IRoutingGrain>(RoutingKeys.ForSite(claims.WorkspaceId, site)).GetQueueAsync()));
        var waiting = await Task.WhenAll(queues.SelectMany(q => q.Entries.Select(e => (Queue: q, Entry: e))).Select(async item =>
        {
            var contact = await grains.GetGrain<IContactGrain>(item.Entry.ContactId).GetAsync();
            return new FloorWaiting(
                item.Entry.ConversationId,
                item.Queue.SiteId,
                item.Entry.TeamId,
                contact.DisplayName,
                item.Entry.EnqueuedAt,
                Math.Max(0, (long)(now - item.Entry.EnqueuedAt).TotalSeconds),
                item.Entry.Priority);
        }));
        var ordered = waiting.OrderByDescending(w => w.WaitSeconds).ToList();
        return Results.Ok(new FloorResponse(agents, ordered, agents.Count(a => a.Status == AgentStatus.Online), ordered.Count, now));
    }

    private static async Task<IReadOnlyList<FloorAgent>> AgentsAsync(IGrainFactory grains, WorkspaceView workspace)
    {
        var views = await Task.WhenAll(workspace.Agents.Select(async member => (Member: member, View: await grains.GetGrain<IAgentGrain>(member.AgentId).GetAsync())));
        return [.. views.Where(v => v.View.Exists).Select(v => new FloorAgent(
            v.Member.AgentId,
            v.View.Profile.DisplayName,
            v.View.Profile.AvatarUrl,
            v.Member.Role,
            v.Member.Licensed,
            v.View.Status,
            v.View.ActiveConversationIds.Count,
            v.View.Profile.Capacity,
            v.View.Profile.Capacity == 0 ? 1 : Math.Round((double)v.View.ActiveConversationIds.Count / v.View.Profile.Capacity, 2),
            v.View.LastActivityAt,
            [])
        {
            View = v.View,
        })];
    }

    private static IReadOnlyList<string> TeamsOf(WorkspaceView workspace, string agentId) =>
        [.. workspace.Teams.Where(t => t.AgentIds.Contains(agentId)).Select(t => t.Id)];
}
