namespace Conversations.Contracts;

/// <summary>Starts a conversation; sent by the contact grain, which owns get-or-create.</summary>
/// <param name="WorkspaceId">The tenant.</param>
/// <param name="SiteId">The web site, for widget conversations.</param>
/// <param name="ChannelId">The channel, for connector conversations.</param>
/// <param name="ContactId">The customer.</param>
/// <param name="ContactName">The name agents see.</param>
/// <param name="Locale">The customer's language, for the assistant.</param>
/// <param name="Variables">Variables the widget passed.</param>
/// <param name="Monitoring">none, or weak/strong for a monitored conversation.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.StartConversation")]
public sealed record StartConversation(
    string WorkspaceId,
    string? SiteId,
    string? ChannelId,
    string ContactId,
    string ContactName,
    string? Locale = null,
    IReadOnlyDictionary<string, string>? Variables = null,
    MonitoringMode Monitoring = MonitoringMode.None);
