using Conversations.Contracts;

namespace Conversations.Server.Admin;

/// <summary>The workspace's settings with its licence count and how many licences are in use.</summary>
public sealed record SettingsResponse(
    string WorkspaceId,
    string Name,
    int Licences,
    int LicensedAgents,
    int SlaSeconds,
    int InactivityMinutes,
    int OfflineGraceSeconds,
    bool NotifyOnHandoff,
    bool EmailNotifications,
    string MonitoredLinkPrefix,
    string MonitoredMailTemplate,
    int FallbackLimit)
{
    public static SettingsResponse From(WorkspaceView workspace)
    {
        var s = workspace.Settings;
        return new SettingsResponse(
            workspace.Id,
            workspace.Name,
            workspace.Licences,
            workspace.Agents.Count(a => a.Licensed),
            s.SlaSeconds,
            s.InactivityMinutes,
            s.OfflineGraceSeconds,
            s.NotifyOnHandoff,
            s.EmailNotifications,
            s.MonitoredLinkPrefix,
            s.MonitoredMailTemplate,
            s.FallbackLimit);
    }
}
