using Conversations.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs;

/// <summary>Hub errors as clients see them: "code: message", the code from <see cref="DomainErrors"/>
/// or one of the edge's own below.</summary>
public static class HubErrors
{
    public const string RateLimited = "rate_limited";
    public const string NotStarted = "not_started";
    public const string Internal = "internal_error";

    /// <summary>A node of the cluster went away during the call: retry it.</summary>
    public const string Unavailable = "unavailable";

    public static HubException Of(string code, string message) => new($"{code}: {message}");

    public static HubException From(DomainException exception) => Of(exception.Code, exception.Message);
}
