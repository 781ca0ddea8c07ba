namespace Conversations.Contracts;

/// <summary>The machine codes of <see cref="DomainException"/>; stable, because clients switch on them.</summary>
public static class DomainErrors
{
    public const string NotFound = "not_found";
    public const string Forbidden = "forbidden";
    public const string NotOwner = "not_owner";
    public const string InvalidArgument = "invalid_argument";
    public const string InvalidTransition = "invalid_transition";
    public const string AlreadyAssigned = "already_assigned";
    public const string NotAssigned = "not_assigned";
    public const string ConversationClosed = "conversation_closed";
    public const string AgentUnknown = "agent_unknown";
    public const string AgentNotLicensed = "agent_not_licensed";
    public const string AgentOffline = "agent_offline";
    public const string AgentAtCapacity = "agent_at_capacity";
    public const string AgentNotAllowedOnSite = "agent_not_allowed_on_site";
    public const string TeamUnknown = "team_unknown";
    public const string SiteUnknown = "site_unknown";
    public const string ChannelUnknown = "channel_unknown";
    public const string LicencesExhausted = "licences_exhausted";
    public const string WorkspaceExists = "workspace_exists";
    public const string WorkspaceUnknown = "workspace_unknown";
    public const string IdTaken = "id_taken";
}
