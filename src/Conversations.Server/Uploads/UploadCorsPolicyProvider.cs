using Conversations.Contracts;
using Conversations.Server.Hubs.Security;
using Conversations.Server.Security;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Uploads;

/// <summary>CORS for the widget's uploads: a page may call <c>/api/uploads</c> from another origin only when
/// the site it embeds the widget for lists that origin (the widget hub's rule, <see cref="OriginPolicy"/>).
/// A preflight carries no token, so the widget names its site in the query (<c>?siteId=</c>); the actual
/// request's visitor token names it too. Other policies are the configured ones.</summary>
public sealed class UploadCorsPolicyProvider(IOptions<CorsOptions> options, IGrainFactory grains, IVisitorTokenReader tokens) : ICorsPolicyProvider
{
    /// <summary>The name of this policy on the upload endpoints.</summary>
    public const string PolicyName = "uploads";

    private static readonly CorsPolicy NoGrant = new CorsPolicyBuilder().Build();

    private readonly DefaultCorsPolicyProvider _configured = new(options);

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PolicyName)
        {
            return await _configured.GetPolicyAsync(context, policyName);
        }

        var origin = context.Request.Headers.Origin.ToString();
        var siteId = SiteOf(context);
        if (origin.Length == 0 || siteId is null || siteId.Length > 200
            || await grains.GetGrain<ISiteGrain>(siteId).GetAsync() is not { } route
            || !OriginPolicy.Allows(context.Request, route.Site))
        {
            return NoGrant;
        }

        // Credentials stay out: the widget's credential is its token header, never a cookie.
        return new CorsPolicyBuilder()
            .WithOrigins(origin)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(Uploader.VisitorTokenHeader, "Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
    }

    private string? SiteOf(HttpContext context)
    {
        if (tokens.TryRead(context.Request.Headers[Uploader.VisitorTokenHeader].ToString(), out var visitor))
        {
            return visitor.SiteId;
        }

        return context.Request.Query["siteId"].ToString() is { Length: > 0 } named ? named : null;
    }
}
