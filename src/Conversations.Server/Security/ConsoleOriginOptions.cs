namespace Conversations.Server.Security;

/// <summary>The <c>Console</c> configuration section: which browser origins may use the agents' cookie.</summary>
public sealed class ConsoleOriginOptions
{
    /// <summary>Origins (<c>scheme://host[:port]</c>) besides the server's own from which the console hub
    /// and cookie-authenticated REST changes are accepted, e.g. a console served from another host.</summary>
    public IList<string> AllowedOrigins { get; } = [];
}
