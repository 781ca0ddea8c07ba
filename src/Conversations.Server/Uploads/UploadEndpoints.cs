using System.Globalization;
using System.Security.Cryptography;
using Conversations.Contracts;
using Conversations.Server.Abuse;
using Conversations.Server.Api;
using Conversations.Server.Hubs.Security;
using Conversations.Server.Security;
using Conversations.Storage.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Conversations.Server.Uploads;

/// <summary><c>POST /api/uploads</c> and <c>GET /api/uploads/{id}</c>: images for messages, from agents
/// (cookie) and widget visitors (visitor token). Both endpoints authenticate by hand because either
/// credential is accepted; a download also accepts a signed link (<see cref="UploadLinks"/>) alone, which is
/// what messages carry, so an <c>&lt;img&gt;</c> loads it. Cross-origin calls follow the site's allowed
/// origins (<see cref="UploadCorsPolicyProvider"/>).</summary>
public static class UploadEndpoints
{
    /// <summary>The largest image accepted.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    // Room for the multipart framing around a maximal file; a larger body is cut off by the server.
    private const int MaxRequestBytes = MaxBytes + (64 * 1024);

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/uploads", UploadAsync).AllowAnonymous().WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .RequireCors(UploadCorsPolicyProvider.PolicyName);
        endpoints.MapGet("/api/uploads/{id}", DownloadAsync).AllowAnonymous().RequireCors(UploadCorsPolicyProvider.PolicyName);
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(
        HttpContext http, IVisitorTokenReader tokens, IUploadStore store, TimeProvider clock, AbuseBudgets budgets, UploadLinks links, IGrainFactory grains)
    {
        if (Uploader.Of(http, tokens) is not { } uploader)
        {
            return Results.Problem("Sign in, or send the widget's visitor token in X-Visitor-Token.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        // CORS only hides the answer from a page; the upload itself is refused for an origin the site does not list.
        if (uploader.SiteId is { } siteId && (await grains.GetGrain<ISiteGrain>(siteId).GetAsync() is not { } route || !OriginPolicy.Allows(http.Request, route.Site)))
        {
            return Results.Problem(
                "This page's origin is not among the site's allowed origins.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "origin_not_allowed");
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
        return Results.Ok(new UploadResponse(upload.Id, links.Sign(upload.Id), upload.ContentType, upload.Name));
    }

    private static async Task<IResult> DownloadAsync(string id, HttpContext http, IVisitorTokenReader tokens, IUploadStore store, IGrainFactory grains, UploadLinks links)
    {
        if (http.Request.Query[UploadLinks.SignatureParameter].ToString() is { Length: > 0 } signature)
        {
            return await DownloadSignedAsync(id, signature, http, store, links);
        }

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

        return Serve(http, upload, "private, max-age=31536000, immutable");
    }

    // A signed link is the credential: whoever holds it may load the image until it expires. An expired,
    // altered or forged one gets the same 403 whether or not the upload exists, so nothing is probed.
    private static async Task<IResult> DownloadSignedAsync(string id, string signature, HttpContext http, IUploadStore store, UploadLinks links)
    {
        if (!IsUploadId(id) || links.Verify(id, signature) is not { } left || await store.GetAsync(id, http.RequestAborted) is not { } upload)
        {
            return Results.Problem("The image link has expired or is not valid.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        // Cached by the browser no longer than the link is valid, and never by a shared cache.
        var seconds = (long)left.TotalSeconds;
        return Serve(http, upload, string.Create(CultureInfo.InvariantCulture, $"private, max-age={seconds}"));
    }

    private static IResult Serve(HttpContext http, StoredUpload upload, string cacheControl)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = cacheControl;
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(upload.Name);
        headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(
            upload.Bytes,
            upload.ContentType,
            lastModified: upload.CreatedAt,
            entityTag: new EntityTagHeaderValue($"\"{upload.Id}\""));
    }

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
