using Conversations.Bots.Lifecycle;
using Conversations.Bots.Yaml;
using Conversations.Server.Api;
using Conversations.Server.Auth;
using Conversations.Server.Errors;

namespace Conversations.Server.Assistants;

/// <summary><c>/api/assistants</c> (admins): list, YAML export and import of the draft, publish, rollback and a
/// preview of the draft showing the matched intent, its confidence and the runners-up;
/// <c>/api/knowledge</c> (agents): search the published articles.</summary>
public static class AssistantEndpoints
{
    public static IEndpointRouteBuilder MapAssistantEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/assistants").RequireAuthorization(AuthPolicies.Admin);
        group.MapGet("/", (AssistantCatalog catalog) => Results.Ok(catalog.All.Select(Summary)));
        group.MapGet("/{id}/yaml", (string id, AssistantCatalog catalog) =>
            catalog.Find(id) is { } assistant ? Results.Text(assistant.DraftYaml, "application/yaml") : NotFound(id));
        group.MapPost("/import", ImportAsync);
        group.MapPost("/{id}/publish", (string id, AssistantCatalog catalog) =>
            catalog.Find(id) is { } assistant ? Results.Ok(catalog.Publish(assistant, null)) : NotFound(id));
        group.MapPost("/{id}/rollback", (string id, AssistantCatalog catalog) =>
        {
            if (catalog.Find(id) is not { } assistant)
            {
                return NotFound(id);
            }

            try
            {
                return Results.Ok(catalog.Rollback(assistant, null));
            }
            catch (InvalidOperationException e)
            {
                return ApiProblems.Conflict(e.Message, "no_previous_version");
            }
        });
        group.MapPost("/{id}/preview", (string id, PreviewRequest? request, AssistantCatalog catalog) =>
        {
            if (catalog.Find(id) is not { } assistant)
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
        });

        endpoints.MapGet("/api/knowledge", (string? q, string? language, AssistantCatalog catalog) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return Problems.Invalid("q", "q is required.");
            }

            var results = catalog.All
                .Select(a => catalog.Published(a.Id))
                .OfType<Conversations.Bots.Runtime.CompiledAssistant>()
                .SelectMany(a => a.Knowledge.Search(q, language))
                .OrderByDescending(r => r.Score)
                .Take(10)
                .Select(r => new { id = r.Article.Id, language = r.Article.Language, title = r.Article.Title, html = r.Article.Html, excerpt = r.Article.Excerpt, score = r.Score });
            return Results.Ok(results);
        }).RequireAuthorization(AuthPolicies.Agent);
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, AssistantCatalog catalog)
    {
        using var reader = new StreamReader(request.Body);
        var yaml = await reader.ReadToEndAsync();
        try
        {
            return Results.Ok(Summary(catalog.Import(yaml)));
        }
        catch (AssistantYamlException e)
        {
            return Problems.Validation(e.Errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.ToString()).ToArray()));
        }
    }

    private static object Summary(AssistantLifecycle assistant) => new
    {
        id = assistant.Id,
        name = assistant.Name,
        status = assistant.Status.ToString().ToLowerInvariant(),
        publishedVersion = assistant.CurrentVersion,
        versions = assistant.Versions.Select(v => new { number = v.Number, publishedAt = v.PublishedAt, rolledBackFrom = v.RolledBackFrom }),
        languages = assistant.Languages,
    };

    private static IResult NotFound(string id) => ApiProblems.NotFound($"No assistant '{id}'.");
}
