using System.Text.Json;

using Conversations.Bots.Definition;
using Conversations.Bots.Knowledge;
using Conversations.Bots.Runtime;
using Conversations.Bots.Yaml;
using Conversations.Server.Api;
using Conversations.Server.Auth;
using Conversations.Server.Errors;
using Conversations.Server.Text;

namespace Conversations.Server.Assistants;

/// <summary>The console's form editor: <c>GET</c>/<c>PUT /api/assistants/{id}/draft</c> (admins) read and replace
/// the draft as JSON in the definition model's shape, validated like a YAML import and stored as YAML (the
/// file a botmaster exports stays the source of truth); <c>GET /api/knowledge/articles</c> (agents) lists the
/// published articles.</summary>
public static class AssistantDraftEndpoints
{
    public static IEndpointRouteBuilder MapAssistantDraftEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/assistants").RequireAuthorization(AuthPolicies.Botmaster);
        group.MapGet("/{id}/draft", async (string id, HttpContext http, AssistantCatalog catalog) =>
            await catalog.FindAsync(Workspace(http), id) is { } assistant
                ? Results.Json(AssistantYaml.Load(assistant.DraftYaml), AssistantDraftJson.Options)
                : NotFound(id));
        group.MapPut("/{id}/draft", PutDraftAsync);
        endpoints.MapGet("/api/knowledge/articles", ListArticlesAsync).RequireAuthorization(AuthPolicies.Agent);
        return endpoints;
    }

    private static async Task<IResult> PutDraftAsync(string id, HttpRequest request, AssistantCatalog catalog)
    {
        if (await catalog.FindAsync(Workspace(request.HttpContext), id) is null)
        {
            return NotFound(id);
        }

        AssistantDefinition? definition;
        try
        {
            definition = await JsonSerializer.DeserializeAsync<AssistantDefinition>(request.Body, AssistantDraftJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            var field = JsonFields.Of(e, "body");
            return Problems.Invalid(field, JsonFields.Message(e, field));
        }

        if (definition is null)
        {
            return Problems.Invalid("body", "body must be an assistant definition.");
        }

        // The id is the route's: a body without one edits this assistant, one naming another is a mistake.
        if (string.IsNullOrEmpty(definition.Id))
        {
            definition.Id = id;
        }
        else if (definition.Id != id)
        {
            return Problems.Invalid("id", $"the draft of assistant '{id}' cannot change its id to '{definition.Id}'.");
        }

        var problems = AssistantDraftJson.Nulls(definition);
        if (problems.Count == 0)
        {
            problems = AssistantValidator.Validate(definition);
        }

        if (problems.Count > 0)
        {
            return Problems.Validation(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        try
        {
            var stored = await catalog.ImportAsync(Workspace(request.HttpContext), AssistantYaml.Save(definition));
            return Results.Json(AssistantYaml.Load(stored.DraftYaml), AssistantDraftJson.Options);
        }
        catch (AssistantYamlException e)
        {
            return Problems.Validation(e.Errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()));
        }
    }

    private static async Task<IResult> ListArticlesAsync(string? language, HttpContext http, AssistantCatalog catalog)
    {
        var workspaceId = Workspace(http);
        var assistants = await catalog.ListAsync(workspaceId);
        var compiled = await Task.WhenAll(assistants.Select(async a => (a.Id, Compiled: await catalog.PublishedAsync(workspaceId, a.Id))));
        var articles = compiled
            .Where(a => a.Compiled is not null)
            .SelectMany(a => Published(a.Id, a.Compiled!, language))
            .OrderBy(a => a.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return Results.Ok(articles);
    }

    private static IEnumerable<KnowledgeArticleResponse> Published(string assistantId, CompiledAssistant assistant, string? language) =>
        assistant.Definition.Knowledge
            .Where(a => a.Published && (language is null || string.Equals(a.Language, language, StringComparison.OrdinalIgnoreCase)))
            .Select(a => assistant.Knowledge.Find(a.Id, a.Language))
            .OfType<RenderedArticle>()
            .Select(r => new KnowledgeArticleResponse(assistantId, r.Id, r.Language, r.Title, r.Excerpt, r.Html, r.Keywords));

    private static string Workspace(HttpContext http) => CurrentAgent.Of(http).WorkspaceId;

    private static IResult NotFound(string id) => ApiProblems.NotFound($"No assistant '{id}'.");
}
