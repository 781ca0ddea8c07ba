using System.Text.Json;

using Conversations.Bots.Runtime;
using Conversations.Bots.Yaml;
using Conversations.Contracts;
using Conversations.Server.Api;
using Conversations.Server.Auth;
using Conversations.Server.Errors;

namespace Conversations.Server.Assistants;

/// <summary><c>/api/assistants</c> (admins): list, YAML export and import of the draft, publish, rollback, the
/// sites and channels an assistant answers on, and a preview of the draft showing the matched intent, its
/// confidence and the runners-up; <c>/api/knowledge</c> (agents): search the published articles. Everything is
/// in the signed-in user's workspace.</summary>
public static class AssistantEndpoints
{
    public static IEndpointRouteBuilder MapAssistantEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/assistants").RequireAuthorization(AuthPolicies.Botmaster);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}/yaml", async (string id, HttpContext http, AssistantCatalog catalog) =>
            await catalog.FindAsync(Workspace(http), id) is { } assistant ? Results.Text(assistant.DraftYaml, "application/yaml") : NotFound(id));
        group.MapPost("/import", ImportAsync);
        group.MapPost("/{id}/publish", PublishAsync);
        group.MapPost("/{id}/rollback", RollbackAsync);
        group.MapGet("/{id}/channels", ChannelsAsync);
        group.MapPut("/{id}/channels", ConnectAsync);
        group.MapPost("/{id}/preview", PreviewAsync);

        endpoints.MapGet("/api/knowledge", KnowledgeAsync).RequireAuthorization(AuthPolicies.Agent);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, AssistantCatalog catalog, IGrainFactory grains)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(Workspace(http)).GetAsync();
        return Results.Ok((await catalog.ListAsync(Workspace(http))).Select(a => Summary(a, workspace)));
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, AssistantCatalog catalog, IGrainFactory grains)
    {
        using var reader = new StreamReader(request.Body);
        var yaml = await reader.ReadToEndAsync();
        try
        {
            var assistant = await catalog.ImportAsync(Workspace(request.HttpContext), yaml);
            return Results.Ok(Summary(assistant, await grains.GetGrain<IWorkspaceGrain>(assistant.WorkspaceId).GetAsync()));
        }
        catch (AssistantYamlException e)
        {
            return Problems.Validation(e.Errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.ToString()).ToArray()));
        }
    }

    /// <summary>Publishes the draft; with a body, onto those sites and channels as well (validated first, so a
    /// wrong id publishes nothing).</summary>
    private static async Task<IResult> PublishAsync(string id, HttpContext http, AssistantCatalog catalog, IGrainFactory grains)
    {
        if (await catalog.FindAsync(Workspace(http), id) is null)
        {
            return NotFound(id);
        }

        // The body is optional, so it is read here: a declared body parameter would make the route refuse a
        // publish without a JSON content type. No body, or {}, publishes only.
        AssistantChannelsRequest? request;
        try
        {
            request = http.Request.HasJsonContentType() ? await http.Request.ReadFromJsonAsync<AssistantChannelsRequest>(http.RequestAborted) : null;
        }
        catch (JsonException e)
        {
            return Problems.Invalid("body", $"The body is not a {{ sites, channels }} object: {e.Message}");
        }

        var connect = request is { Sites: not null } or { Channels: not null } ? request : null;
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(Workspace(http));
        var workspace = await workspaceGrain.GetAsync();
        if (connect is not null && AssistantConnections.Validate(workspace, connect) is { Any: true } errors)
        {
            return errors.ToProblem();
        }

        var published = await catalog.PublishAsync(Workspace(http), id, CurrentAgent.Of(http).AgentId);
        if (connect is not null)
        {
            await AssistantConnections.ConnectAsync(workspaceGrain, workspace, CurrentAgent.Of(http).AgentId, id, connect);
        }

        return Results.Ok(published);
    }

    private static async Task<IResult> RollbackAsync(string id, HttpContext http, AssistantCatalog catalog)
    {
        if (await catalog.FindAsync(Workspace(http), id) is null)
        {
            return NotFound(id);
        }

        try
        {
            return Results.Ok(await catalog.RollbackAsync(Workspace(http), id, CurrentAgent.Of(http).AgentId));
        }
        catch (DomainException e) when (e.Code == DomainErrors.InvalidTransition)
        {
            return ApiProblems.Conflict(e.Message, "no_previous_version");
        }
    }

    private static async Task<IResult> ChannelsAsync(string id, HttpContext http, AssistantCatalog catalog, IGrainFactory grains)
    {
        if (await catalog.FindAsync(Workspace(http), id) is null)
        {
            return NotFound(id);
        }

        var (sites, channels) = AssistantConnections.Of(await grains.GetGrain<IWorkspaceGrain>(Workspace(http)).GetAsync(), id);
        return Results.Ok(new { sites, channels });
    }

    private static async Task<IResult> ConnectAsync(string id, AssistantChannelsRequest? request, HttpContext http, AssistantCatalog catalog, IGrainFactory grains)
    {
        if (await catalog.FindAsync(Workspace(http), id) is not { } assistant)
        {
            return NotFound(id);
        }

        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(Workspace(http));
        var workspace = await workspaceGrain.GetAsync();
        var errors = AssistantConnections.Validate(workspace, request);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await AssistantConnections.ConnectAsync(workspaceGrain, workspace, CurrentAgent.Of(http).AgentId, id, request!);
        return Results.Ok(Summary(assistant, await workspaceGrain.GetAsync()));
    }

    private static async Task<IResult> PreviewAsync(string id, PreviewRequest? request, HttpContext http, AssistantCatalog catalog)
    {
        if (await catalog.FindAsync(Workspace(http), id) is not { } assistant)
        {
            return NotFound(id);
        }

        if (string.IsNullOrWhiteSpace(request?.Text))
        {
            return Problems.Invalid("text", "text is required.");
        }

        var match = AssistantCatalog.Draft(assistant).Matcher.Match(request.Text, request.Language);
        return Results.Ok(new
        {
            intent = match.IntentId,
            confidence = match.Confidence,
            language = match.Language,
            candidates = match.Candidates.Select(c => new { intent = c.Label, score = c.Score }),
        });
    }

    private static async Task<IResult> KnowledgeAsync(string? q, string? language, HttpContext http, AssistantCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Problems.Invalid("q", "q is required.");
        }

        var workspaceId = Workspace(http);
        var published = await Task.WhenAll((await catalog.ListAsync(workspaceId)).Select(a => catalog.PublishedAsync(workspaceId, a.Id)));
        var results = published
            .OfType<CompiledAssistant>()
            .SelectMany(a => a.Knowledge.Search(q, language))
            .OrderByDescending(r => r.Score)
            .Take(10)
            .Select(r => new { id = r.Article.Id, language = r.Article.Language, title = r.Article.Title, html = r.Article.Html, excerpt = r.Article.Excerpt, score = r.Score });
        return Results.Ok(results);
    }

    private static object Summary(AssistantView assistant, WorkspaceView workspace)
    {
        var (sites, channels) = AssistantConnections.Of(workspace, assistant.Id);
        return new
        {
            id = assistant.Id,
            name = assistant.Name,
            status = assistant.Active ? "active" : "draft",
            publishedVersion = assistant.CurrentVersion,
            versions = assistant.Versions.Select(v => new { number = v.Number, publishedAt = v.PublishedAt, rolledBackFrom = v.RolledBackFrom }),
            languages = assistant.Languages,
            sites,
            channels,
        };
    }

    private static string Workspace(HttpContext http) => CurrentAgent.Of(http).WorkspaceId;

    private static IResult NotFound(string id) => ApiProblems.NotFound($"No assistant '{id}'.");
}
