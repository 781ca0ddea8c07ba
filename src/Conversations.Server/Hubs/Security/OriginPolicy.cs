using Conversations.Contracts;

namespace Conversations.Server.Hubs.Security;

/// <summary>The widget hub's origin allow-list: a browser page may use a site's widget only from the
/// server's own origin or one the site lists. No Origin header means a non-browser client, which
/// cannot be used for cross-site abuse, so it passes.</summary>
public static class OriginPolicy
{
    public static bool Allows(HttpRequest request, SiteConfig site)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri))
        {
            return false;
        }

        var sameOrigin = string.Equals(originUri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(originUri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return sameOrigin || site.AllowedOrigins.Any(allowed =>
            Uri.TryCreate(allowed, UriKind.Absolute, out var allowedUri)
            && string.Equals(allowedUri.Scheme, originUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(allowedUri.Authority, originUri.Authority, StringComparison.OrdinalIgnoreCase));
    }
}
