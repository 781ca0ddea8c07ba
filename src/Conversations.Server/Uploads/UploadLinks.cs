using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Uploads;

/// <summary>Signed, expiring links to uploads (<c>/api/uploads/{id}?sig=…</c>), so an <c>&lt;img&gt;</c>
/// on a customer's page or in the console loads an image without a header or cookie. The signature is a
/// Data Protection payload of the id and the expiry, so every node of a cluster (sharing the key ring)
/// verifies what another signed, and the expiry is checked against the server's <see cref="TimeProvider"/>.</summary>
public sealed partial class UploadLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<UploadOptions> options)
{
    /// <summary>The query parameter carrying the signature.</summary>
    public const string SignatureParameter = "sig";

    private readonly IDataProtector _protector = protection.CreateProtector("Conversations.Uploads.Link.v1");

    /// <summary>The stored (unsigned) link to an upload, as messages keep it.</summary>
    public static string PathOf(string id) => $"/api/uploads/{id}";

    /// <summary>The upload id of a stored link, or null for any other URL (a connector's image).</summary>
    public static string? IdOf(string url) => StoredPath().Match(url) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The link valid for the configured lifetime from now.</summary>
    public string Sign(string id) => Sign(id, clock.GetUtcNow() + options.Value.LinkLifetime);

    /// <summary>The link valid until <paramref name="expires"/>.</summary>
    public string Sign(string id, DateTimeOffset expires)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{id}|{expires.ToUnixTimeSeconds()}");
        return $"{PathOf(id)}?{SignatureParameter}={_protector.Protect(payload)}";
    }

    /// <summary>How long a signature for <paramref name="id"/> stays valid, or null when it is forged,
    /// altered, made for another upload, or already expired.</summary>
    public TimeSpan? Verify(string id, string signature)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(signature);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var separator = payload.LastIndexOf('|');
        if (separator < 0 || payload[..separator] != id
            || !long.TryParse(payload[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var left = DateTimeOffset.FromUnixTimeSeconds(seconds) - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    [GeneratedRegex("^/api/uploads/([0-9a-f]{32})$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredPath();
}
