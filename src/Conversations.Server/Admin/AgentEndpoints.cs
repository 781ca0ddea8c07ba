using System.Security.Cryptography;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Api;
using Conversations.Server.Auth;
using Conversations.Server.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.Server.Admin;

/// <summary><c>/api/agents</c>: the workspace's agents, their sign-in accounts and licences. Reading is open
/// to every agent (colleagues to transfer to); changes need an admin. <c>PUT /{id}</c> changes only the
/// fields it is sent; <c>DELETE /{id}</c> revokes and <c>POST /{id}/reactivate</c> undoes that.</summary>
public static class AgentEndpoints
{
    private const int MinPassword = 8;
    private const int MaxPassword = 128;

    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/agents").RequireAuthorization(AuthPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.Admin);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthPolicies.Admin);
        group.MapPut("/{id}/licence", SetLicenceAsync).RequireAuthorization(AuthPolicies.Admin);
        group.MapDelete("/{id}", RevokeAsync).RequireAuthorization(AuthPolicies.Admin);
        group.MapPost("/{id}/reactivate", ReactivateAsync).RequireAuthorization(AuthPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(CurrentAgent.Of(http).WorkspaceId).GetAsync();
        var agents = await Task.WhenAll(workspace.Agents.Select(a => ViewAsync(grains, a)));
        return Results.Ok(agents.OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(CurrentAgent.Of(http).WorkspaceId).GetAsync();
        return workspace.Agents.FirstOrDefault(a => a.AgentId == id) is { } member
            ? Results.Ok(await ViewAsync(grains, member))
            : NotFound(id);
    }

    private static async Task<IResult> CreateAsync(AgentRequest? request, HttpContext http, IGrainFactory grains, IPasswordHasher<AccountView> hasher)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();

        // Checked before the account below is claimed: the workspace grain would only refuse afterwards.
        if (!IsAdmin(workspace, admin.AgentId))
        {
            return NotAdmin();
        }

        var errors = new FieldErrors();
        var email = Email(request?.Email, errors);
        var password = Password(request?.Password, required: true, errors);
        var agentId = $"agent-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var profile = Profile(agentId, admin.WorkspaceId, email ?? string.Empty, request, workspace, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var licensed = request!.Licensed == true;
        if (licensed && workspace.Agents.Count(a => a.Licensed) >= workspace.Licences)
        {
            return LicencesExhausted(workspace);
        }

        // The account claims the address atomically (409 when taken) before the agent exists anywhere.
        var account = grains.GetGrain<IAccountGrain>(Accounts.Key(email!));
        if (await account.GetAsync() is not null)
        {
            return ApiProblems.Conflict($"The e-mail address '{email}' already has an account.", DomainErrors.IdTaken);
        }

        await account.SetAsync(agentId, admin.WorkspaceId, hasher.HashPassword(null!, password!));
        var member = await workspaceGrain.UpsertAgentAsync(admin.AgentId, profile!);
        if (licensed)
        {
            member = await workspaceGrain.SetLicenceAsync(admin.AgentId, agentId, licensed: true);
        }

        return Results.Created($"/api/agents/{agentId}", await ViewAsync(grains, member));
    }

    private static async Task<IResult> UpdateAsync(string id, [FromBody] JsonElement? body, HttpContext http, IGrainFactory grains, IPasswordHasher<AccountView> hasher, IAgentSessionRevoker revoker)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        if (!IsAdmin(workspace, admin.AgentId))
        {
            return NotAdmin();
        }

        if (workspace.Agents.All(a => a.AgentId != id))
        {
            return NotFound(id);
        }

        var current = (await grains.GetGrain<IAgentGrain>(id).GetAsync()).Profile;
        var errors = new FieldErrors();
        var update = AgentUpdate.Read(body, errors);
        if (update?.Request.Email is { } email && Accounts.Key(email) != Accounts.Key(current.Email))
        {
            errors.Add("email", "email is the sign-in and cannot change; create another agent instead.");
        }

        var password = Password(update?.Request.Password, required: false, errors);
        var profile = update?.ApplyTo(current, workspace, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (id == admin.AgentId && profile!.Role != AgentRole.Admin)
        {
            return ApiProblems.Conflict("An admin cannot take away its own admin role; another admin must.", "self_demotion");
        }

        var member = await workspaceGrain.UpsertAgentAsync(admin.AgentId, profile!);

        // Sessions and consoles were authorized on the old role, sites or password: they end, and the agent
        // signs in again on the new profile. Setting the password renews the stamp in the account itself.
        var accountGrain = grains.GetGrain<IAccountGrain>(Accounts.Key(current.Email));
        var endSessions = AgentUpdate.ChangesAccess(current, profile!);
        if (password is not null)
        {
            await accountGrain.SetAsync(id, admin.WorkspaceId, hasher.HashPassword(null!, password));
            endSessions = true;
        }
        else if (endSessions && await accountGrain.GetAsync() is not null)
        {
            await accountGrain.RenewSecurityStampAsync();
        }

        if (endSessions)
        {
            await revoker.RevokeAsync(id, http.RequestAborted);
        }

        return Results.Ok(await ViewAsync(grains, member));
    }

    // Revocation is undone only by this explicit action, never by a password reset. The licence given
    // back at revocation stays with whoever has it now: PUT /{id}/licence gives it again.
    private static async Task<IResult> ReactivateAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var admin = CurrentAgent.Of(http);
        var workspace = await grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId).GetAsync();
        if (!IsAdmin(workspace, admin.AgentId))
        {
            return NotAdmin();
        }

        if (workspace.Agents.FirstOrDefault(a => a.AgentId == id) is not { } member)
        {
            return NotFound(id);
        }

        var profile = (await grains.GetGrain<IAgentGrain>(id).GetAsync()).Profile;
        await grains.GetGrain<IAccountGrain>(Accounts.Key(profile.Email)).SetActiveAsync(true);
        return Results.Ok(await ViewAsync(grains, member));
    }

    private static async Task<IResult> SetLicenceAsync(string id, LicenceRequest? request, HttpContext http, IGrainFactory grains)
    {
        if (request?.Licensed is not { } licensed)
        {
            var errors = new FieldErrors();
            errors.Add("licensed", "licensed (true or false) is required.");
            return errors.ToProblem();
        }

        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        if (workspace.Agents.FirstOrDefault(a => a.AgentId == id) is not { } member)
        {
            return NotFound(id);
        }

        if (licensed && !member.Licensed && workspace.Agents.Count(a => a.Licensed) >= workspace.Licences)
        {
            return LicencesExhausted(workspace);
        }

        return Results.Ok(await ViewAsync(grains, await workspaceGrain.SetLicenceAsync(admin.AgentId, id, licensed)));
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext http, IGrainFactory grains, IAgentSessionRevoker revoker)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();

        // The acting admin's role is checked here, before anything changes: the grains check it too, but
        // only in the calls that come after the account is already deactivated.
        if (!IsAdmin(workspace, admin.AgentId))
        {
            return NotAdmin();
        }

        if (workspace.Agents.FirstOrDefault(a => a.AgentId == id) is not { } member)
        {
            return NotFound(id);
        }

        if (id == admin.AgentId)
        {
            return ApiProblems.Conflict("An admin cannot revoke itself; another admin must.", "self_revocation");
        }

        // Sign-in first, so nothing below can be undone by a session that is still open; the licence is
        // freed for someone else, and going offline hands the agent's live conversations back to the queue.
        var agent = grains.GetGrain<IAgentGrain>(id);
        var profile = (await agent.GetAsync()).Profile;
        await grains.GetGrain<IAccountGrain>(Accounts.Key(profile.Email)).SetActiveAsync(false);
        if (member.Licensed)
        {
            await workspaceGrain.SetLicenceAsync(admin.AgentId, id, licensed: false);
        }

        await agent.SetStatusAsync(AgentStatus.Offline);
        await revoker.RevokeAsync(id, http.RequestAborted);
        return Results.NoContent();
    }

    private static AgentProfile? Profile(string id, string workspaceId, string email, AgentRequest? request, WorkspaceView workspace, FieldErrors errors)
    {
        var displayName = AdminInput.Text(request?.DisplayName, "displayName", 100, errors);
        var role = AdminInput.Role(request?.Role, errors);
        var sites = AdminInput.SiteIds(request?.AllowedSiteIds, workspace, "allowedSiteIds", errors);
        var capacity = AdminInput.Range(request?.Capacity, "capacity", 1, 100, 5, errors);
        var avatar = AdminInput.HttpUrl(request?.AvatarUrl, "avatarUrl", errors);
        return errors.Any ? null : new AgentProfile(id, workspaceId, email, displayName!, role, sites, capacity, request?.ShowBotConversations ?? false, avatar);
    }

    private static string? Email(string? value, FieldErrors errors)
    {
        var email = value?.Trim();
        var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (email is null || email.Length > 254 || at < 1 || at == email.Length - 1 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add("email", "email must be an e-mail address.");
            return null;
        }

        return email;
    }

    private static string? Password(string? value, bool required, FieldErrors errors)
    {
        if (value is null && !required)
        {
            return null;
        }

        if (value is null || value.Length < MinPassword || value.Length > MaxPassword)
        {
            errors.Add("password", $"password must be {MinPassword} to {MaxPassword} characters.");
            return null;
        }

        return value;
    }

    private static async Task<AgentResponse> ViewAsync(IGrainFactory grains, WorkspaceAgent member)
    {
        var agent = await grains.GetGrain<IAgentGrain>(member.AgentId).GetAsync();
        var profile = agent.Profile;
        var account = profile.Email.Length > 0 ? await grains.GetGrain<IAccountGrain>(Accounts.Key(profile.Email)).GetAsync() : null;
        return new AgentResponse(
            member.AgentId,
            profile.Email,
            profile.DisplayName,
            member.Role,
            profile.AllowedSiteIds,
            profile.Capacity,
            profile.ShowBotConversations,
            profile.AvatarUrl,
            member.Licensed,
            agent.Status,
            account is { Active: true } && account.AgentId == member.AgentId,
            agent.ActiveConversationIds.Count,
            agent.LastActivityAt,
            agent.MessageCount);
    }

    private static IResult LicencesExhausted(WorkspaceView workspace) => ApiProblems.Conflict(
        $"All {workspace.Licences} licences are in use; take one from another agent or raise the count in /api/settings.",
        DomainErrors.LicencesExhausted);

    private static bool IsAdmin(WorkspaceView workspace, string agentId) =>
        workspace.Agents.Any(a => a.AgentId == agentId && a.Role == AgentRole.Admin);

    private static IResult NotAdmin() => ApiProblems.Forbidden("Only an admin of this workspace may change agents.");

    private static IResult NotFound(string id) => ApiProblems.NotFound($"Agent '{id}' does not exist in this workspace.");
}
