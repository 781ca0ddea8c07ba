using Conversations.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Auth;

/// <summary>Checks on every request, as Identity's <c>SecurityStampValidator</c> does but without its
/// interval, that the cookie's session still holds: the account is active and the same agent's, its
/// security stamp is the cookie's (logout, password reset, role or site change and revocation renew it),
/// the absolute lifetime has not passed, and the agent's role is still the cookie's. Authorization then
/// decides on fresh facts, so a demoted admin loses its powers at once. The grains answer from memory:
/// three in-process calls.</summary>
public static class AccountSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (!await IsCurrentAsync(context))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (AgentClaims.From(principal) is not { } agent ||
            SessionClaims.StampOf(principal!) is not { Length: > 0 } stamp ||
            SessionClaims.SignedInAt(principal!) is not { } signedInAt)
        {
            return false;
        }

        var services = context.HttpContext.RequestServices;
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (now - signedInAt >= services.GetRequiredService<IOptions<AuthOptions>>().Value.AbsoluteLifetime)
        {
            return false;
        }

        var grains = services.GetRequiredService<IGrainFactory>();
        var accountGrain = grains.GetGrain<IAccountGrain>(Accounts.Key(agent.Email));
        if (await accountGrain.GetAsync() is not { Active: true } account || account.AgentId != agent.AgentId ||
            await accountGrain.GetSecurityStampAsync() != stamp)
        {
            return false;
        }

        var view = await grains.GetGrain<IAgentGrain>(agent.AgentId).GetAsync();
        return view.Exists && view.Profile.WorkspaceId == agent.WorkspaceId && view.Profile.Role == agent.Role;
    }
}
