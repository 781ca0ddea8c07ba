using Conversations.Server.Api;
using Conversations.Server.Auth;
using MimeKit;

namespace Conversations.Server.Notifications;

/// <summary><c>GET /api/outbox</c> (admins): the mails written to the pickup folder, newest first, with
/// their content, so a server without SMTP still shows what it would have sent.</summary>
public static class OutboxEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/outbox", ListAsync).RequireAuthorization(AuthPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, OutboxDirectory outbox, IMailTransport transport, int? limit = null)
    {
        if (limit is < 1 or > MaxLimit)
        {
            var errors = new FieldErrors();
            errors.Add("limit", $"limit must be 1 to {MaxLimit}.");
            return errors.ToProblem();
        }

        var files = Directory.Exists(outbox.Path)
            ? Directory.EnumerateFiles(outbox.Path, "*.eml").OrderDescending(StringComparer.Ordinal).Take(limit ?? DefaultLimit).ToList()
            : [];
        var mails = new List<OutboxMail>(files.Count);
        foreach (var file in files)
        {
            using var message = await MimeMessage.LoadAsync(file, http.RequestAborted);
            mails.Add(new OutboxMail(
                Path.GetFileNameWithoutExtension(file),
                message.From.ToString(),
                [.. message.To.Mailboxes.Select(m => m.Address)],
                message.Subject ?? string.Empty,
                message.Date,
                message.Headers["X-Conversations-Kind"],
                message.Headers["X-Conversations-Conversation"],
                message.TextBody ?? string.Empty));
        }

        return Results.Ok(new OutboxResponse(transport.Kind, mails));
    }
}
