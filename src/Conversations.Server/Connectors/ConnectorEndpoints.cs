using Conversations.Contracts;
using Conversations.Server.Errors;
using Conversations.Storage.Connectors;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.Server.Connectors;

/// <summary>The signed connector routes: inbound messages and status callbacks. They carry no cookie;
/// the channel's HMAC signature over the raw body is the authentication.</summary>
public static class ConnectorEndpoints
{
    public static IEndpointRouteBuilder MapConnectorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/channels/{channelId}/messages", ReceiveAsync).AllowAnonymous();
        endpoints.MapPost("/api/channels/{channelId}/status", StatusAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(string channelId, HttpContext http, [FromServices] IGrainFactory grains, [FromServices] TimeProvider clock)
    {
        var signed = await SignedChannelRequest.ReadAsync(http, channelId, grains, clock);
        if (signed.Refusal is not null)
        {
            return signed.Refusal;
        }

        var (request, refusal) = ConnectorJson.Parse<InboundMessageRequest>(signed.Body);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = ConnectorValidation.Validate(request!);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var route = signed.Route!;
        var sender = request!.From!;
        var contact = grains.GetGrain<IContactGrain>(ChannelContacts.ContactId(channelId, sender.Id!));
        var attachments = (request.Attachments ?? []).Select((a, i) => ToAttachment(request.MessageId!, i, a!)).ToList();
        var text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text;
        var first = await contact.ReceiveInboundAsync(new InboundMessage(
            route.WorkspaceId, channelId, request.MessageId!, sender.Id!, sender.Name, sender.Locale, text, attachments.FirstOrDefault()));

        // A message holds one attachment: the others follow as messages of their own, each idempotent under
        // an id derived from the provider's, so a retried request completes a partly stored one.
        for (var i = 1; i < attachments.Count; i++)
        {
            await contact.ReceiveInboundAsync(new InboundMessage(
                route.WorkspaceId, channelId, $"{request.MessageId}#attachment-{i}", sender.Id!, sender.Name, sender.Locale, null, attachments[i]));
        }

        return Results.Ok(new InboundMessageResponse(first.ConversationId, first.Message.Id, first.Duplicate));
    }

    private static async Task<IResult> StatusAsync(string channelId, HttpContext http, [FromServices] IGrainFactory grains, [FromServices] TimeProvider clock, [FromServices] SqlOutboundDeliveryStore store)
    {
        var signed = await SignedChannelRequest.ReadAsync(http, channelId, grains, clock);
        if (signed.Refusal is not null)
        {
            return signed.Refusal;
        }

        var (request, refusal) = ConnectorJson.Parse<StatusRequest>(signed.Body);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = ConnectorValidation.Validate(request!);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var current = await store.AdvanceStatusAsync(channelId, request!.MessageId!, request.Status!, clock.GetUtcNow(), http.RequestAborted);
        return current is null
            ? ConnectorProblems.UnknownMessage(request.MessageId!)
            : Results.Ok(new StatusResponse(request.MessageId!, current));
    }

    private static Attachment ToAttachment(string messageId, int index, InboundAttachment attachment)
    {
        var url = new Uri(attachment.Url!);
        var name = attachment.Name is { Length: > 0 } given ? given : Path.GetFileName(url.AbsolutePath) is { Length: > 0 } file ? file : "image";
        return new Attachment($"{messageId}#{index}", url.AbsoluteUri, attachment.ContentType!.ToLowerInvariant(), name);
    }
}
