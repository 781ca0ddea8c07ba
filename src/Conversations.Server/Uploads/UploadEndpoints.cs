using System.Security.Cryptography;
using Conversations.Actors;
using Conversations.Contracts;
using Conversations.Server.Abuse;
using Conversations.Server.Api;
using Conversations.Server.Security;
using Conversations.Storage.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Conversations.Server.Uploads;

/// <summary><c>POST /api/uploads</c> and <c>GET /api/uploads/{id}</c>: images for messages, from agents
/// (cookie) and widget visitors (visitor token). Both endpoints authenticate by hand because either
/// credential is accepted.</summary>
public static class UploadEndpoints
{
    /// <summary>The largest image accepted.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    // Room for the multipart framing around a maximal file; a larger body is cut off by the server.
    private const int MaxRequestBytes = MaxBytes + (64 * 1024);

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/uploads", UploadAsync).AllowAnonymous().WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes));
        endpoints.MapGet("/api/uploads/{id}", DownloadAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IVisitorTokenReader tokens, IUploadStore store, TimeProvider clock, AbuseBudgets budgets)
    {
        if (Uploader.Of(http, tokens) is not { } uploader)
        {
            return Results.Problem("Sign in, or send the widget's visitor token in X-Visitor-Token.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        // Charged before the body is read, by its declared length (the request size limit caps the rest).
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (budgets.Upload(address, uploader.AgentId ?? uploader.ContactId ?? address, http.Request.ContentLength ?? MaxRequestBytes) is { } refusal)
        {
            return http.TooManyRequests(refusal);
        }

        var errors = new FieldErrors();
        if (!http.Request.HasFormContentType)
        {
            errors.Add("file", "Send the image as multipart/form-data in a field named 'file'.");
            return errors.ToProblem();
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException malformed)
        {
            // A missing boundary, a truncated part, a bad part header, too many parts: the client's body.
            errors.Add("file", $"The multipart body is malformed: {malformed.Message}");
            return errors.ToProblem();
        }
        catch (IOException truncated) when (!http.RequestAborted.IsCancellationRequested)
        {
            errors.Add("file", $"The multipart body is malformed: {truncated.Message}");
            return errors.ToProblem();
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            errors.Add("file", "The field 'file' with an image is required.");
            return errors.ToProblem();
        }

        if (file.Length > MaxBytes)
        {
            return ApiProblems.TooLarge($"The image is {file.Length} bytes; at most {MaxBytes} bytes (5 MB) are accepted.");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, http.RequestAborted);
        }

        if (ImageSniffer.Sniff(bytes) is not { } image)
        {
            errors.Add("file", "The file is not a PNG, JPEG, GIF or WebP image (checked by its content, not its name or declared type).");
            return errors.ToProblem();
        }

        var upload = new StoredUpload(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            uploader.WorkspaceId,
            image.ContentType,
            UploadNames.Sanitize(file.FileName, image.Extension),
            uploader.ContactId,
            uploader.AgentId,
            bytes,
            clock.GetUtcNow(),
            uploader.SiteId);
        await store.SaveAsync(upload, http.RequestAborted);
        return Results.Ok(new UploadResponse(upload.Id, UrlOf(upload.Id), upload.ContentType, upload.Name));
    }

    private static async Task<IResult> DownloadAsync(string id, HttpContext http, IVisitorTokenReader tokens, IUploadStore store, IGrainFactory grains)
    {
        if (Uploader.Of(http, tokens) is not { } reader)
        {
            return Results.Problem("Sign in, or send the widget's visitor token in X-Visitor-Token.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        // Whatever the reason (malformed, unknown, another workspace, another visitor's), the answer is
        // the same 404, so ids cannot be probed.
        if (!IsUploadId(id) || await store.GetAsync(id, http.RequestAborted) is not { } upload || !MayRead(reader, upload)
            || !await AgentMayReadSiteAsync(reader, upload, grains))
        {
            return ApiProblems.NotFound($"Upload '{(IsUploadId(id) ? id : "?")}' does not exist.");
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, max-age=31536000, immutable";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(upload.Name);
        headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(
            upload.Bytes,
            upload.ContentType,
            lastModified: upload.CreatedAt,
            entityTag: new EntityTagHeaderValue($"\"{upload.Id}\""));
    }

    /// <summary>The URL an upload is served at.</summary>
    public static string UrlOf(string id) => $"/api/uploads/{id}";

    // Agents read their workspace's uploads; a visitor reads its own and the images agents of its workspace
    // sent (which reach it in messages), never another visitor's.
    private static bool MayRead(Uploader reader, StoredUpload upload) =>
        reader.WorkspaceId == upload.WorkspaceId
        && (reader.AgentId is not null || reader.ContactId == upload.ContactId || upload.AgentId is not null);

    // A visitor's upload follows its site: an agent limited to other sites cannot read it, as it cannot
    // read that site's conversations.
    private static async Task<bool> AgentMayReadSiteAsync(Uploader reader, StoredUpload upload, IGrainFactory grains) =>
        reader.AgentId is not { } agentId || upload.SiteId is not { } siteId
        || (await grains.GetGrain<IAgentGrain>(agentId).GetAsync()).IsAllowedOn(siteId);

    private static bool IsUploadId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
