using Conversations.Contracts;
using Conversations.Server.Api;
using Conversations.Server.Auth;

namespace Conversations.Server.Admin;

/// <summary><c>/api/settings</c>: workspace-wide settings and the licence count.</summary>
public static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/settings").RequireAuthorization(AuthPolicies.Agent);
        group.MapGet("/", GetAsync);
        group.MapPut("/", UpdateAsync).RequireAuthorization(AuthPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains) =>
        Results.Ok(SettingsResponse.From(await grains.GetGrain<IWorkspaceGrain>(CurrentAgent.Of(http).WorkspaceId).GetAsync()));

    private static async Task<IResult> UpdateAsync(SettingsRequest? request, HttpContext http, IGrainFactory grains)
    {
        var admin = CurrentAgent.Of(http);
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId);
        var workspace = await workspaceGrain.GetAsync();
        var current = workspace.Settings;
        var errors = new FieldErrors();
        var licences = AdminInput.Range(request?.Licences, "licences", 1, 10_000, workspace.Licences, errors);
        var settings = new WorkspaceSettings(
            AdminInput.Range(request?.SlaSeconds, "slaSeconds", 5, 86_400, current.SlaSeconds, errors),
            AdminInput.Range(request?.InactivityMinutes, "inactivityMinutes", 1, 60 * 24 * 30, current.InactivityMinutes, errors),
            AdminInput.Range(request?.OfflineGraceSeconds, "offlineGraceSeconds", 1, 86_400, current.OfflineGraceSeconds, errors),
            request?.NotifyOnHandoff ?? current.NotifyOnHandoff,
            request?.EmailNotifications ?? current.EmailNotifications,
            request?.MonitoredLinkPrefix is null ? current.MonitoredLinkPrefix : AdminInput.Text(request.MonitoredLinkPrefix, "monitoredLinkPrefix", 512, errors) ?? string.Empty,
            request?.MonitoredMailTemplate is null ? current.MonitoredMailTemplate : MailTemplate(request.MonitoredMailTemplate, errors),
            AdminInput.Range(request?.FallbackLimit, "fallbackLimit", 1, 100, current.FallbackLimit, errors));
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (licences != workspace.Licences)
        {
            var licensed = workspace.Agents.Count(a => a.Licensed);
            if (licences < licensed)
            {
                return ApiProblems.Conflict(
                    $"{licensed} agents are licensed; take licences away before lowering the count to {licences}.",
                    DomainErrors.LicencesExhausted);
            }

            await workspaceGrain.SetLicenceCountAsync(admin.AgentId, licences);
        }

        if (settings != current)
        {
            await workspaceGrain.UpdateSettingsAsync(admin.AgentId, settings);
        }

        return Results.Ok(SettingsResponse.From(await workspaceGrain.GetAsync()));
    }

    private static string MailTemplate(string value, FieldErrors errors)
    {
        if (value.Length is 0 or > 4000 || !value.Contains("{link}", StringComparison.Ordinal))
        {
            errors.Add("monitoredMailTemplate", "monitoredMailTemplate must be 1 to 4000 characters and contain {link}.");
        }

        return value;
    }
}
