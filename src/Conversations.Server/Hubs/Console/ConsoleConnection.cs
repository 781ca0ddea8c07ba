using Conversations.Server.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs.Console;

/// <summary>A live console connection: its agent and the sites (and channels) whose events it receives.</summary>
public sealed record ConsoleConnection(HubCallerContext Context, AgentClaims Agent, IReadOnlyList<string> SiteIds)
{
    public string ConnectionId => Context.ConnectionId;
}
