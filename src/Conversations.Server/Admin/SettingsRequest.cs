namespace Conversations.Server.Admin;

/// <summary>The body of <c>PUT /api/settings</c>: every field optional, absent ones keep their value.</summary>
public sealed record SettingsRequest(
    int? Licences,
    int? SlaSeconds,
    int? InactivityMinutes,
    int? OfflineGraceSeconds,
    bool? NotifyOnHandoff,
    bool? EmailNotifications,
    string? MonitoredLinkPrefix,
    string? MonitoredMailTemplate,
    int? FallbackLimit);
