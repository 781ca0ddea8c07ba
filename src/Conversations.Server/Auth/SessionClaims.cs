using System.Globalization;
using System.Security.Claims;

namespace Conversations.Server.Auth;

/// <summary>The session's own claims beside the agent's: the account's security stamp when it signed in,
/// and when that was (the sliding renewal re-issues the cookie, so the ticket's issue time moves; this
/// one does not).</summary>
public static class SessionClaims
{
    public const string StampClaim = "conversations:stamp";
    public const string SignedInClaim = "conversations:signed-in";

    /// <summary>Adds the session claims to a principal about to sign in.</summary>
    public static ClaimsPrincipal With(this ClaimsPrincipal principal, string stamp, DateTimeOffset signedInAt)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(StampClaim, stamp));
        identity.AddClaim(new Claim(SignedInClaim, signedInAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        return principal;
    }

    public static string? StampOf(ClaimsPrincipal principal) => principal.FindFirstValue(StampClaim);

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SignedInClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
