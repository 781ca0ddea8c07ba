namespace Conversations.Server.WidgetConfig;

/// <summary>What the widget needs to paint before it connects: public by design, so nothing secret.</summary>
public sealed record WidgetConfigResponse(
    string SiteId,
    string Name,
    string? Title,
    string? Greeting,
    string? PrimaryColor,
    string? AvatarUrl,
    string LauncherPosition);
