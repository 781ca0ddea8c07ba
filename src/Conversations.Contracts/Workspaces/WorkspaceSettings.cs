namespace Conversations.Contracts;

/// <summary>Workspace-wide settings.</summary>
/// <param name="SlaSeconds">An assigned agent who has not answered after this long loses the conversation to the queue.</param>
/// <param name="InactivityMinutes">An open conversation without any message for this long is closed.</param>
/// <param name="OfflineGraceSeconds">An agent offline this long has its live conversations requeued.</param>
/// <param name="NotifyOnHandoff">Whether agents get a notification when a conversation enters the queue.</param>
/// <param name="EmailNotifications">Whether notifications are also mailed.</param>
/// <param name="MonitoredLinkPrefix">Prefix of the link to a monitored conversation.</param>
/// <param name="MonitoredMailTemplate">Mail sent with that link; "{link}" and "{name}" are replaced.</param>
/// <param name="FallbackLimit">Assistant fallbacks in a row before the conversation goes to the queue.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.WorkspaceSettings")]
public sealed record WorkspaceSettings(
    int SlaSeconds = 120,
    int InactivityMinutes = 60,
    int OfflineGraceSeconds = 60,
    bool NotifyOnHandoff = true,
    bool EmailNotifications = false,
    string MonitoredLinkPrefix = "/monitor/",
    string MonitoredMailTemplate = "Hello {name}, follow the conversation at {link}",
    int FallbackLimit = 3);
