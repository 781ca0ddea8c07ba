using System.Threading.RateLimiting;
using Conversations.Contracts;
using Conversations.Server.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Auth;

/// <summary>Agent sign-in: an HTTP-only cookie carrying the agent's claims and its session version,
/// sliding and absolute lifetimes, policies per role, sign-in budgets per address and per account, and
/// the cross-site check in front of every cookie-authenticated change.</summary>
public static class AuthExtensions
{
    /// <summary>The auth cookie's name.</summary>
    public const string CookieName = "conversations.auth";

    public static WebApplicationBuilder AddConversationsAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration("Auth");
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;

                // Behind a configured proxy the forwarded scheme counts, so HTTPS at the proxy gives Secure cookies.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;

                // An API answers 401/403; it never redirects to a login page.
                options.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                options.Events.OnValidatePrincipal = AccountSessionValidator.ValidateAsync;
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((cookie, auth) => cookie.ExpireTimeSpan = auth.Value.SlidingExpiration);
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Agent, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Supervisor, policy => policy.RequireRole("supervisor", "botmaster", "admin"))
            .AddPolicy(AuthPolicies.Botmaster, policy => policy.RequireRole("botmaster", "admin"))
            .AddPolicy(AuthPolicies.Admin, policy => policy.RequireRole("admin"));
        services.AddSingleton<IPasswordHasher<AccountView>, PasswordHasher<AccountView>>();
        services.AddSingleton<SignInLimiter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => RateLimitRejection.WriteAsync(context.HttpContext, context.Lease);
            options.AddPolicy(AuthPolicies.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.SignInPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        builder.AddCrossSiteRequestGuard();
        return builder;
    }

    public static WebApplication UseConversationsAuth(this WebApplication app)
    {
        app.UseCrossSiteRequestGuard();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
