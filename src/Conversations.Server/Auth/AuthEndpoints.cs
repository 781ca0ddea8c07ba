using Conversations.Contracts;
using Conversations.Server.Api;
using Conversations.Server.Errors;
using Conversations.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Conversations.Server.Auth;

/// <summary><c>/api/auth/login</c>, <c>/api/auth/logout</c> and <c>/api/me</c>.</summary>
public static class AuthEndpoints
{
    // Verified when the address has no account, so an unknown address costs as much as a wrong password
    // and response times do not reveal which addresses exist.
    private static readonly string DecoyHash = new PasswordHasher<AccountView>().HashPassword(null!, "decoy-password");

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/auth/login", LoginAsync).RequireRateLimiting(AuthPolicies.SignInRateLimit).AllowAnonymous();
        endpoints.MapPost("/api/auth/logout", (Delegate)LogoutAsync).AllowAnonymous();
        endpoints.MapGet("/api/me", Me).RequireAuthorization(AuthPolicies.Agent);
        endpoints.MapGet("/api/me/sites", MySitesAsync).RequireAuthorization(AuthPolicies.Agent);
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(LoginRequest? request, HttpContext http, IGrainFactory grains, IPasswordHasher<AccountView> hasher, SignInLimiter limiter, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Email))
        {
            errors["email"] = ["The e-mail address is required."];
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            errors["password"] = ["The password is required."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var key = Accounts.Key(request!.Email!);
        if (await limiter.TryAcquireAsync(key) is { } retryAfter)
        {
            await RateLimitRejection.WriteAsync(http, retryAfter);
            return Results.Empty;
        }

        var accountGrain = grains.GetGrain<IAccountGrain>(key);
        var account = await accountGrain.GetAsync();
        var verdict = hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? DecoyHash, request.Password!);
        if (account is not { Active: true } || verdict == PasswordVerificationResult.Failed)
        {
            return Problems.Unauthorized("Invalid e-mail address or password.");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await accountGrain.SetAsync(account.AgentId, account.WorkspaceId, hasher.HashPassword(account, request.Password!));
        }

        // Accounts stored before stamps existed get their first one now.
        var stamp = await accountGrain.GetSecurityStampAsync();
        if (stamp.Length == 0)
        {
            stamp = await accountGrain.RenewSecurityStampAsync();
        }

        var agent = await grains.GetGrain<IAgentGrain>(account.AgentId).GetAsync();
        var claims = new AgentClaims(account.AgentId, account.WorkspaceId, agent.Profile.Role, account.Email, agent.Profile.DisplayName);
        var principal = claims.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme).With(stamp, clock.GetUtcNow());
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.Ok(ToMe(claims));
    }

    // Logging out ends every session of the account, not only this cookie: a cookie copied elsewhere
    // (or left in another browser) is refused from now on, and open consoles are closed.
    private static async Task<IResult> LogoutAsync(HttpContext http, IGrainFactory grains, IAgentSessionRevoker revoker)
    {
        if (AgentClaims.From(http.User) is { } agent)
        {
            await grains.GetGrain<IAccountGrain>(Accounts.Key(agent.Email)).RenewSecurityStampAsync();
            await revoker.RevokeAsync(agent.AgentId, http.RequestAborted);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }

    private static IResult Me(HttpContext http) =>
        AgentClaims.From(http.User) is { } agent ? Results.Ok(ToMe(agent)) : Results.Unauthorized();

    private static MeResponse ToMe(AgentClaims agent) =>
        new(agent.AgentId, agent.Email, agent.DisplayName, AgentClaims.RoleName(agent.Role), agent.WorkspaceId);

    // Site configuration (origins, secrets) is for admins; every agent still needs the names of its own sites.
    private static async Task<IResult> MySitesAsync(HttpContext http, IGrainFactory grains)
    {
        var me = CurrentAgent.Of(http);
        var workspace = await grains.GetGrain<IWorkspaceGrain>(me.WorkspaceId).GetAsync();
        var agent = await grains.GetGrain<IAgentGrain>(me.AgentId).GetAsync();
        return Results.Ok(workspace.Sites
            .Where(site => agent.IsAllowedOn(site.Id))
            .OrderBy(site => site.Id, StringComparer.Ordinal)
            .Select(site => new MySiteResponse(site.Id, site.Name))
            .ToList());
    }
}
