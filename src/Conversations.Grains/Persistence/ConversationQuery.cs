namespace Conversations.Grains.Persistence;

/// <summary>A page request on the conversation index.</summary>
/// <param name="WorkspaceId">The tenant; never crossed.</param>
/// <param name="AllowedSiteIds">The sites the asking agent may see; null for all sites of the workspace.</param>
/// <param name="AgentId">The asking agent (for unread and mine).</param>
/// <param name="View">live, closed or bot.</param>
/// <param name="Filter">all, unassigned, unread or mine.</param>
/// <param name="SiteId">Only this site, when given.</param>
/// <param name="Search">Matches contact name and last message text, when given.</param>
/// <param name="Cursor">The opaque cursor of the previous page.</param>
/// <param name="Limit">Page size.</param>
public sealed record ConversationQuery(
    string WorkspaceId,
    IReadOnlyCollection<string>? AllowedSiteIds,
    string? AgentId,
    ConversationView View,
    ConversationFilter Filter,
    string? SiteId,
    string? Search,
    string? Cursor,
    int Limit);
