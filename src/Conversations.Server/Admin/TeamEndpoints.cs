using Conversations.Contracts;
using Conversations.Server.Api;
using Conversations.Server.Auth;

namespace Conversations.Server.Admin;

/// <summary><c>/api/teams</c>: groups of agents conversations can be transferred to.</summary>
public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/teams").RequireAuthorization(AuthPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.Admin);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(CurrentAgent.Of(http).WorkspaceId).GetAsync();
        return Results.Ok(workspace.Teams.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(CurrentAgent.Of(http).WorkspaceId).GetAsync();
        return workspace.Teams.FirstOrDefault(t => t.Id == id) is { } team ? Results.Ok(team) : NotFound(id);
    }

    private static async Task<IResult> CreateAsync(TeamRequest? request, HttpContext http, IGrainFactory grains)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        var errors = new FieldErrors();
        var id = request?.Id is null ? Secrets.NewId("team") : AdminInput.Id(request.Id, "id", errors);
        var team = Build(id ?? string.Empty, request, workspace, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (workspace.Teams.Any(t => t.Id == id))
        {
            return ApiProblems.Conflict($"Team '{id}' already exists; update it with PUT /api/teams/{id}.", DomainErrors.IdTaken);
        }

        var saved = await workspaceGrain.UpsertTeamAsync(admin.AgentId, team!);
        return Results.Created($"/api/teams/{saved.Id}", saved);
    }

    private static async Task<IResult> UpdateAsync(string id, TeamRequest? request, HttpContext http, IGrainFactory grains)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        if (workspace.Teams.All(t => t.Id != id))
        {
            return NotFound(id);
        }

        var errors = new FieldErrors();
        if (request?.Id is { } bodyId && bodyId != id)
        {
            errors.Add("id", "id cannot change.");
        }

        var team = Build(id, request, workspace, errors);
        return errors.Any ? errors.ToProblem() : Results.Ok(await workspaceGrain.UpsertTeamAsync(admin.AgentId, team!));
    }

    private static TeamConfig? Build(string id, TeamRequest? request, WorkspaceView workspace, FieldErrors errors)
    {
        var name = AdminInput.Text(request?.Name, "name", 100, errors);
        var agentIds = (request?.AgentIds ?? []).Distinct().ToList();
        var unknown = agentIds.Where(a => workspace.Agents.All(m => m.AgentId != a)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("agentIds", $"agentIds names agents that are not in this workspace: {string.Join(", ", unknown)}.");
        }

        return errors.Any ? null : new TeamConfig(id, name!, agentIds);
    }

    private static IResult NotFound(string id) => ApiProblems.NotFound($"Team '{id}' does not exist in this workspace.");
}
