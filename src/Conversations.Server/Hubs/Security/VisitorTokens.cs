using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Conversations.Server.Hubs.Security;

/// <summary>Issues and reads visitor tokens with Data Protection (authenticated encryption, keys in the
/// data folder): a token cannot be forged or altered, so the contact id in it is the visitor's identity.</summary>
public sealed class VisitorTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Conversations.VisitorToken.v1");

    public string Issue(VisitorIdentity identity) => _protector.Protect(JsonSerializer.Serialize(identity));

    /// <summary>The token's identity, or null when it was not issued by this server (tampered, truncated, foreign).</summary>
    public VisitorIdentity? Read(string token)
    {
        try
        {
            return JsonSerializer.Deserialize<VisitorIdentity>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
