using Conversations.Contracts;
using Conversations.Server.Errors;
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
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(LoginRequest? request, HttpContext http, IGrainFactory grains, IPasswordHasher<AccountView> hasher)
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

        var accountGrain = grains.GetGrain<IAccountGrain>(Accounts.Key(request!.Email!));
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

        var agent = await grains.GetGrain<IAgentGrain>(account.AgentId).GetAsync();
        var claims = new AgentClaims(account.AgentId, account.WorkspaceId, agent.Profile.Role, account.Email, agent.Profile.DisplayName);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, claims.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.Ok(ToMe(claims));
    }

    private static async Task<IResult> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }

    private static IResult Me(HttpContext http) =>
        AgentClaims.From(http.User) is { } agent ? Results.Ok(ToMe(agent)) : Results.Unauthorized();

    private static MeResponse ToMe(AgentClaims agent) =>
        new(agent.AgentId, agent.Email, agent.DisplayName, AgentClaims.RoleName(agent.Role), agent.WorkspaceId);
}
