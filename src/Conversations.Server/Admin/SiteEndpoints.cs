using Conversations.Contracts;
using Conversations.Server.Api;
using Conversations.Server.Auth;

namespace Conversations.Server.Admin;

/// <summary><c>/api/sites</c>: web sites the widget runs on.</summary>
public static class SiteEndpoints
{
    private const int MaxOrigins = 50;

    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/sites").RequireAuthorization(AuthPolicies.Admin);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.Admin);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(CurrentAgent.Of(http).WorkspaceId).GetAsync();
        return Results.Ok(workspace.Sites.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => SiteResponse.From(s)).ToList());
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(CurrentAgent.Of(http).WorkspaceId).GetAsync();
        return workspace.Sites.FirstOrDefault(s => s.Id == id) is { } site ? Results.Ok(SiteResponse.From(site)) : NotFound(id);
    }

    private static async Task<IResult> CreateAsync(SiteRequest? request, HttpContext http, IGrainFactory grains)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        var errors = new FieldErrors();
        var id = request?.Id is null ? Secrets.NewId("site") : AdminInput.Id(request.Id, "id", errors);
        var (site, generated) = Build(id ?? string.Empty, request, current: null, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (workspace.Sites.Any(s => s.Id == id))
        {
            return ApiProblems.Conflict($"Site '{id}' already exists; update it with PUT /api/sites/{id}.", DomainErrors.IdTaken);
        }

        var saved = await workspaceGrain.UpsertSiteAsync(admin.AgentId, site!);
        return Results.Created($"/api/sites/{saved.Id}", SiteResponse.From(saved, generated));
    }

    private static async Task<IResult> UpdateAsync(string id, SiteRequest? request, HttpContext http, IGrainFactory grains)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        if (workspace.Sites.FirstOrDefault(s => s.Id == id) is not { } current)
        {
            return NotFound(id);
        }

        var errors = new FieldErrors();
        if (request?.Id is { } bodyId && bodyId != id)
        {
            errors.Add("id", "id cannot change.");
        }

        var (site, generated) = Build(id, request, current, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return Results.Ok(SiteResponse.From(await workspaceGrain.UpsertSiteAsync(admin.AgentId, site!), generated));
    }

    private static (SiteConfig? Site, string? GeneratedSecret) Build(string id, SiteRequest? request, SiteConfig? current, FieldErrors errors)
    {
        var name = AdminInput.Text(request?.Name, "name", 100, errors);
        var origins = Origins(request?.AllowedOrigins, errors);
        var template = request?.PseudonymTemplate is null ? current?.PseudonymTemplate ?? "Visitor {n}" : AdminInput.Text(request.PseudonymTemplate, "pseudonymTemplate", 64, errors);
        var reopen = AdminInput.Reopen(request?.ReopenPolicy, current?.ReopenPolicy ?? ReopenPolicy.NewConversation, errors);
        var assistantId = request?.AssistantId is null ? current?.AssistantId : AdminInput.Id(request.AssistantId, "assistantId", errors);
        var (secret, generated) = Secret(request, current?.IdentitySecret, errors);
        var appearance = request?.Appearance is { } given ? AppearanceInput.Validate(given, errors) : current?.Appearance;
        if (errors.Any)
        {
            return (null, null);
        }

        return (new SiteConfig(id, name!, origins, request?.AutoAssignment ?? current?.AutoAssignment ?? true, template!, reopen, secret, assistantId, appearance), generated);
    }

    private static (string? Secret, string? Generated) Secret(SiteRequest? request, string? current, FieldErrors errors)
    {
        var choices = (request?.IdentitySecret is not null ? 1 : 0) + (request?.GenerateIdentitySecret == true ? 1 : 0) + (request?.ClearIdentitySecret == true ? 1 : 0);
        if (choices > 1)
        {
            errors.Add("identitySecret", "Give at most one of identitySecret, generateIdentitySecret and clearIdentitySecret.");
            return (current, null);
        }

        if (request?.GenerateIdentitySecret == true)
        {
            var generated = Secrets.Generate();
            return (generated, generated);
        }

        if (request?.ClearIdentitySecret == true)
        {
            return (null, null);
        }

        if (request?.IdentitySecret is { } given)
        {
            if (given.Length < Secrets.MinLength || given.Length > 256)
            {
                errors.Add("identitySecret", $"identitySecret must be {Secrets.MinLength} to 256 characters.");
            }

            return (given, null);
        }

        return (current, null);
    }

    // Browsers send an Origin of scheme, host and port only, so that is what is stored and compared.
    private static List<string> Origins(IReadOnlyList<string>? values, FieldErrors errors)
    {
        var origins = new List<string>();
        if (values is null)
        {
            return origins;
        }

        if (values.Count > MaxOrigins)
        {
            errors.Add("allowedOrigins", $"allowedOrigins may list at most {MaxOrigins} origins.");
            return origins;
        }

        foreach (var value in values)
        {
            if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                errors.Add("allowedOrigins", $"'{value}' is not an origin such as https://www.example.com (scheme, host and port only).");
                continue;
            }

            var origin = uri.GetLeftPart(UriPartial.Authority);
            if (!origins.Contains(origin, StringComparer.Ordinal))
            {
                origins.Add(origin);
            }
        }

        return origins;
    }

    private static IResult NotFound(string id) => ApiProblems.NotFound($"Site '{id}' does not exist in this workspace.");
}
