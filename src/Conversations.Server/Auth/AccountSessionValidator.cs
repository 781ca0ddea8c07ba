using Conversations.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Conversations.Server.Auth;

/// <summary>Checks on every request that the cookie's account is still active and still the same agent:
/// a revoked or deleted agent loses its open sessions at once, not when the cookie expires. The account
/// grain answers from memory, so this costs one in-process grain call.</summary>
public static class AccountSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var agent = AgentClaims.From(context.Principal);
        if (agent is not null)
        {
            var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
            var account = await grains.GetGrain<IAccountGrain>(agent.Email).GetAsync();
            if (account is { Active: true } && account.AgentId == agent.AgentId)
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
