using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Conversations.Server.Security;
using Microsoft.AspNetCore.DataProtection;
namespace Conversations.Server.Hubs.Security;

/// <summary>Issues and reads visitor tokens with Data Protection (authenticated encryption, keys in the
/// data folder): a token cannot be forged or altered, so the contact id in it is the visitor's identity.</summary>
public sealed class VisitorTokens(IDataProtectionProvider provider) : IVisitorTokenReader
{
    /// <summary>The protector purpose; changing it invalidates every token.</summary>
    public const string Purpose = "Conversations.VisitorToken.v1";

    private const int MaxTokenLength = 4096;

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Issue(VisitorIdentity identity) => _protector.Protect(JsonSerializer.Serialize(identity));

    /// <summary>The token's identity, or null when it was not issued by this server (tampered, truncated, foreign).</summary>
    public VisitorIdentity? Read(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<VisitorIdentity>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public bool TryRead(string? token, [NotNullWhen(true)] out VisitorIdentity? identity)
    {
        identity = string.IsNullOrWhiteSpace(token) ? null : Read(token);
        return identity is { WorkspaceId.Length: > 0, SiteId.Length: > 0, ContactId.Length: > 0 };
    }
}
