using Conversations.Contracts;
using Conversations.Server.Admin;
using Conversations.Server.Api;
using Conversations.Server.Auth;

namespace Conversations.Server.Snippets;

/// <summary><c>/api/snippets</c>: canned replies of the agent's workspace; every agent reads them,
/// supervisors and admins curate them.</summary>
public static class SnippetEndpoints
{
    public static IEndpointRouteBuilder MapSnippetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/snippets").RequireAuthorization(AuthPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.Supervisor);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthPolicies.Supervisor);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(AuthPolicies.Supervisor);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains) =>
        Results.Ok(await Grain(http, grains).GetAllAsync());

    private static async Task<IResult> CreateAsync(SnippetRequest? request, HttpContext http, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var snippet = Build(Secrets.NewId("snippet"), request, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var saved = await Grain(http, grains).UpsertAsync(snippet!);
        return Results.Created($"/api/snippets/{saved.Id}", saved);
    }

    private static async Task<IResult> UpdateAsync(string id, SnippetRequest? request, HttpContext http, IGrainFactory grains)
    {
        var grain = Grain(http, grains);
        if ((await grain.GetAllAsync()).All(s => s.Id != id))
        {
            return NotFound(id);
        }

        var errors = new FieldErrors();
        var snippet = Build(id, request, errors);
        return errors.Any ? errors.ToProblem() : Results.Ok(await grain.UpsertAsync(snippet!));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, IGrainFactory grains) =>
        await Grain(http, grains).RemoveAsync(id) ? Results.NoContent() : NotFound(id);

    private static Snippet? Build(string id, SnippetRequest? request, FieldErrors errors)
    {
        var shortcut = request?.Shortcut?.Trim().TrimStart('/');
        if (string.IsNullOrEmpty(shortcut) || shortcut.Length > 32 || !shortcut.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("shortcut", "shortcut must be 1 to 32 letters, digits, '-' or '_'.");
        }

        var title = string.IsNullOrWhiteSpace(request?.Title) ? shortcut ?? string.Empty : AdminInput.Text(request.Title, "title", 100, errors);
        var text = request?.Text;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            errors.Add("text", "text must be 1 to 4000 characters.");
        }

        return errors.Any ? null : new Snippet(id, shortcut!, title!, text!);
    }

    private static ISnippetsGrain Grain(HttpContext http, IGrainFactory grains) =>
        grains.GetGrain<ISnippetsGrain>(CurrentAgent.Of(http).WorkspaceId);

    private static IResult NotFound(string id) => ApiProblems.NotFound($"Snippet '{id}' does not exist in this workspace.");
}
