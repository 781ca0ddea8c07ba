using System.Threading.RateLimiting;
using Conversations.Contracts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Conversations.Server.Auth;

/// <summary>Agent sign-in: an HTTP-only cookie carrying the agent's claims, policies per role, and a
/// per-address rate limit on sign-in.</summary>
public static class AuthExtensions
{
    /// <summary>The auth cookie's name.</summary>
    public const string CookieName = "conversations.auth";

    public static WebApplicationBuilder AddConversationsAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
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
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Agent, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Supervisor, policy => policy.RequireRole("supervisor", "admin"))
            .AddPolicy(AuthPolicies.Admin, policy => policy.RequireRole("admin"));
        services.AddSingleton<IPasswordHasher<AccountView>, PasswordHasher<AccountView>>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AuthPolicies.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = builder.Configuration.GetValue("Auth:SignInPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    public static WebApplication UseConversationsAuth(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
