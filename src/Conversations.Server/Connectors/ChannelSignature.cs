using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Conversations.Server.Connectors;

/// <summary>The <c>X-Conversations-Signature</c> of connector requests both ways:
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body bytes&gt;")&gt;</c>.
/// The timestamp is signed with the body, so a captured request cannot be replayed outside the window.</summary>
public static class ChannelSignature
{
    public const string HeaderName = "X-Conversations-Signature";

    /// <summary>How far a signature's time may be from now, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);

    private const int HashSize = 32;

    /// <summary>The header value signing <paramref name="body"/> at <paramref name="at"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var timestamp = at.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Convert.ToHexStringLower(Compute(secret, timestamp, body))}");
    }

    /// <summary>True when <paramref name="header"/> signs exactly <paramref name="body"/> with
    /// <paramref name="secret"/> and its time is within <see cref="Tolerance"/> of <paramref name="now"/>.
    /// Several <c>v1</c> entries are allowed (any may match), so a secret can be rotated.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrEmpty(header) || !TryReadTimestamp(header, out var timestamp))
        {
            return false;
        }

        var age = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > (long)Tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Compute(secret, timestamp, body);
        Span<byte> given = stackalloc byte[HashSize];
        var verified = false;
        foreach (var range in header.AsSpan().Split(','))
        {
            var part = header.AsSpan(range).Trim();
            if (part.StartsWith("v1=", StringComparison.Ordinal)
                && Convert.FromHexString(part[3..], given, out _, out var written) == OperationStatus.Done
                && written == HashSize)
            {
                // Constant time, and every entry is compared, so timing tells nothing about the secret.
                verified |= CryptographicOperations.FixedTimeEquals(expected, given);
            }
        }

        return verified;
    }

    private static bool TryReadTimestamp(string header, out long timestamp)
    {
        foreach (var range in header.AsSpan().Split(','))
        {
            var part = header.AsSpan(range).Trim();
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                return long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
            }
        }

        timestamp = 0;
        return false;
    }

    private static byte[] Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.")));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
