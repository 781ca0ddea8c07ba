using Conversations.Server.Auth;
using Conversations.Server.Security;

namespace Conversations.Server.Uploads;

/// <summary>Who is uploading or reading an upload: a signed-in agent or a widget visitor.</summary>
public sealed record Uploader(string WorkspaceId, string? AgentId, string? ContactId, string? SiteId = null)
{
    /// <summary>The header carrying the widget's visitor token.</summary>
    public const string VisitorTokenHeader = "X-Visitor-Token";

    /// <summary>The agent of the cookie, else the visitor of a valid token, else null.</summary>
    public static Uploader? Of(HttpContext http, IVisitorTokenReader tokens)
    {
        if (AgentClaims.From(http.User) is { } agent)
        {
            return new Uploader(agent.WorkspaceId, agent.AgentId, null);
        }

        return tokens.TryRead(http.Request.Headers[VisitorTokenHeader].ToString(), out var visitor)
            ? new Uploader(visitor.WorkspaceId, null, visitor.ContactId, visitor.SiteId)
            : null;
    }
}
