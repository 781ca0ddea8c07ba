using System.Security.Cryptography;

namespace Conversations.Server.Admin;

/// <summary>Secrets the server generates for sites and channels: 256 random bits, URL-safe.</summary>
public static class Secrets
{
    /// <summary>The shortest secret an admin may choose: shorter HMAC keys are guessable offline.</summary>
    public const int MinLength = 16;

    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>A random id with a readable prefix, for things created without an id.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
}
