using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Conversations.Server.Security;

/// <summary>Verifies visitor tokens protected with Data Protection under <see cref="Purpose"/>, whose
/// payload is the JSON <c>{ workspaceId, siteId, contactId }</c>: the format the widget hub issues.</summary>
public sealed class DataProtectionVisitorTokenReader(IDataProtectionProvider provider) : IVisitorTokenReader
{
    /// <summary>The protector purpose shared with the token issuer; changing it invalidates every token.</summary>
    public const string Purpose = "Conversations.VisitorToken.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public bool TryRead(string? token, [NotNullWhen(true)] out VisitorIdentity? identity)
    {
        identity = null;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return false;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<VisitorIdentity>(_protector.Unprotect(token), Json);
            if (payload is { WorkspaceId.Length: > 0, SiteId.Length: > 0, ContactId.Length: > 0 })
            {
                identity = payload;
                return true;
            }
        }
        catch (Exception error) when (error is CryptographicException or FormatException or JsonException)
        {
            // A forged, truncated or foreign token is simply not a visitor.
        }

        return false;
    }
}
