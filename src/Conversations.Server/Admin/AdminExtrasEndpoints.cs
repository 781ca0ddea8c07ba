using System.Security.Cryptography;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Api;
using Conversations.Server.Auth;
using Conversations.Server.Connectors;
using Conversations.Server.Uploads;
using Conversations.Storage.Connectors;
using Conversations.Storage.Uploads;

namespace Conversations.Server.Admin;

/// <summary>What the administration screens need beside the CRUD routes: an agent's avatar from an
/// uploaded image (<c>PUT /api/agents/{id}/avatar</c>) and a channel's "send test delivery" button
/// (<c>POST /api/channels/{id}/test-delivery</c>).</summary>
public static class AdminExtrasEndpoints
{
    public static IEndpointRouteBuilder MapAdminExtrasEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/api/agents/{id}/avatar", SetAvatarAsync).RequireAuthorization(AuthPolicies.Admin);
        endpoints.MapPost("/api/channels/{id}/test-delivery", TestDeliveryAsync).RequireAuthorization(AuthPolicies.Admin);
        return endpoints;
    }

    // The image is one uploaded with POST /api/uploads, so it was checked by content there.
    private static async Task<IResult> SetAvatarAsync(string id, AvatarRequest? request, HttpContext http, IGrainFactory grains, IUploadStore uploads)
    {
        var claims = CurrentAgent.Of(http);
        var errors = new FieldErrors();
        StoredUpload? upload = null;
        if (request?.UploadId is { Length: > 0 } uploadId)
        {
            upload = uploadId.Length == 32 ? await uploads.GetAsync(uploadId, http.RequestAborted) : null;
            if (upload is null || upload.WorkspaceId != claims.WorkspaceId || upload.AgentId is null)
            {
                errors.Add("uploadId", "uploadId must be an image an agent of this workspace uploaded with POST /api/uploads.");
            }
        }
        else if (request is null)
        {
            errors.Add("uploadId", "uploadId is required (null removes the picture).");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(claims.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        if (workspace.Agents.All(a => a.AgentId != id))
        {
            return ApiProblems.NotFound($"Agent '{id}' does not exist in this workspace.");
        }

        var profile = (await grains.GetGrain<IAgentGrain>(id).GetAsync()).Profile;
        var url = upload is null ? null : UploadLinks.PathOf(upload.Id);
        await workspaceGrain.UpsertAgentAsync(claims.AgentId, profile with { AvatarUrl = url });
        return Results.Ok(new { id, avatarUrl = url });
    }

    private static async Task<IResult> TestDeliveryAsync(string id, HttpContext http, IGrainFactory grains, WebhookSender sender, TimeProvider clock)
    {
        var claims = CurrentAgent.Of(http);
        var workspace = await grains.GetGrain<IWorkspaceGrain>(claims.WorkspaceId).GetAsync();
        if (workspace.Channels.FirstOrDefault(c => c.Id == id) is not { } channel)
        {
            return ApiProblems.NotFound($"Channel '{id}' does not exist.");
        }

        if (channel.WebhookUrl is not { Length: > 0 })
        {
            var errors = new FieldErrors();
            errors.Add("webhookUrl", "The channel has no webhook URL to send a test delivery to; set webhookUrl first.");
            return errors.ToProblem();
        }

        // Sent once, now, signed like every delivery and never stored: a test the admin watches, not a
        // message a customer must get, so it has no retries either.
        var now = clock.GetUtcNow();
        var deliveryId = $"test-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var payload = JsonSerializer.Serialize(new { type = "test", deliveryId, channelId = channel.Id, sentAt = now }, ConnectorJson.Options);
        var error = await sender.SendAsync(new OutboundDelivery(deliveryId, channel.Id, string.Empty, string.Empty, payload, 1, now, DeliveryStatus.Pending, null, now), http.RequestAborted);
        return Results.Ok(new TestDeliveryResponse(deliveryId, error is null, error));
    }
}
