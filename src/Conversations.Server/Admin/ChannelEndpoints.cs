using Conversations.Contracts;
using Conversations.Server.Api;
using Conversations.Server.Auth;
using Conversations.Server.Connectors;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Admin;

/// <summary><c>/api/channels</c> administration (cookie). The connectors' signed routes below
/// <c>/api/channels/{id}/…</c> are mapped elsewhere and authenticate by signature.</summary>
public static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/channels").RequireAuthorization(AuthPolicies.Admin);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.Admin);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(CurrentAgent.Of(http).WorkspaceId).GetAsync();
        return Results.Ok(workspace.Channels.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => ChannelResponse.From(c)).ToList());
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(CurrentAgent.Of(http).WorkspaceId).GetAsync();
        return workspace.Channels.FirstOrDefault(c => c.Id == id) is { } channel ? Results.Ok(ChannelResponse.From(channel)) : NotFound(id);
    }

    private static async Task<IResult> CreateAsync(ChannelRequest? request, HttpContext http, IGrainFactory grains, IOptions<OutboundOptions> outbound)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        var errors = new FieldErrors();
        var id = request?.Id is null ? Secrets.NewId("channel") : AdminInput.Id(request.Id, "id", errors);
        var channel = Build(id ?? string.Empty, request, current: null, outbound.Value.AllowPrivateNetworks, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (workspace.Channels.Any(c => c.Id == id))
        {
            return ApiProblems.Conflict($"Channel '{id}' already exists; update it with PUT /api/channels/{id}.", DomainErrors.IdTaken);
        }

        var saved = await workspaceGrain.UpsertChannelAsync(admin.AgentId, channel!);
        return Results.Created($"/api/channels/{saved.Id}", ChannelResponse.From(saved, saved.Secret));
    }

    private static async Task<IResult> UpdateAsync(string id, ChannelRequest? request, HttpContext http, IGrainFactory grains, IOptions<OutboundOptions> outbound)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        if (workspace.Channels.FirstOrDefault(c => c.Id == id) is not { } current)
        {
            return NotFound(id);
        }

        var errors = new FieldErrors();
        if (request?.Id is { } bodyId && bodyId != id)
        {
            errors.Add("id", "id cannot change.");
        }

        var channel = Build(id, request, current, outbound.Value.AllowPrivateNetworks, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var saved = await workspaceGrain.UpsertChannelAsync(admin.AgentId, channel!);
        return Results.Ok(ChannelResponse.From(saved, request?.RotateSecret == true ? saved.Secret : null));
    }

    private static ChannelConfig? Build(string id, ChannelRequest? request, ChannelConfig? current, bool allowPrivateNetworks, FieldErrors errors)
    {
        var name = AdminInput.Text(request?.Name, "name", 100, errors);
        var webhook = AdminInput.HttpUrl(request?.WebhookUrl, "webhookUrl", errors);
        if (webhook is not null && WebhookAddresses.Refusal(webhook, allowPrivateNetworks) is { } refusal)
        {
            errors.Add("webhookUrl", refusal);
        }

        var assistantId = request?.AssistantId is null ? current?.AssistantId : AdminInput.Id(request.AssistantId, "assistantId", errors);
        var reopen = AdminInput.Reopen(request?.ReopenPolicy, current?.ReopenPolicy ?? ReopenPolicy.NewConversation, errors);
        string? secret;
        if (request?.Secret is not null && request.RotateSecret == true)
        {
            errors.Add("secret", "Give either secret or rotateSecret, not both.");
            secret = null;
        }
        else if (request?.Secret is { } given)
        {
            secret = given;
            if (given.Length < Secrets.MinLength || given.Length > 256)
            {
                errors.Add("secret", $"secret must be {Secrets.MinLength} to 256 characters.");
            }
        }
        else
        {
            secret = request?.RotateSecret == true || current is null ? Secrets.Generate() : current.Secret;
        }

        return errors.Any
            ? null
            : new ChannelConfig(id, name!, secret!, webhook, assistantId, reopen, request?.AutoAssignment ?? current?.AutoAssignment ?? true);
    }

    private static IResult NotFound(string id) => ApiProblems.NotFound($"Channel '{id}' does not exist in this workspace.");
}
