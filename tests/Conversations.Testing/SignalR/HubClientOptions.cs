using System.Net;
using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>How a <see cref="HubClient"/> connects.</summary>
public sealed class HubClientOptions
{
    /// <summary>The events of CONTRACT.md's two hubs, recorded from the moment the connection opens.</summary>
    public static IReadOnlyList<string> ContractEvents { get; } =
        ["message", "state", "queue", "typing", "helpOffered", "read", "conversation", "counters", "notification", "presence", "contactPresence", "viewers"];

    /// <summary>Cookies sent with the negotiate request and the WebSocket upgrade, e.g. the auth cookie
    /// of an agent signed in through <c>POST /api/auth/login</c>.</summary>
    public CookieContainer? Cookies { get; init; }

    /// <summary>Extra request headers for negotiate and the WebSocket upgrade (<c>Origin</c>, <c>Authorization</c>…).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Connects the WebSocket straight away, as the JS client's <c>skipNegotiation</c> does:
    /// one round trip less per connection in load tests.</summary>
    public bool SkipNegotiation { get; init; }

    /// <summary>JSON (the default) or MessagePack.</summary>
    public HubClientProtocol Protocol { get; init; } = HubClientProtocol.Json;

    /// <summary>Shapes arguments, results and events under either protocol; web defaults (camelCase) like the server.</summary>
    public JsonSerializerOptions SerializerOptions { get; init; } = new(JsonSerializerDefaults.Web);

    /// <summary>Server-to-client methods listened to from the start, so that no event is missed before a
    /// handler or a wait names it; others are listened to from their first <see cref="HubClient.On{T}"/>
    /// or <see cref="HubClient.WaitForAsync{T}"/>.</summary>
    public IReadOnlyCollection<string> Events { get; init; } = ContractEvents;

    /// <summary>How many received events are kept for <see cref="HubClient.WaitForAsync{T}"/> to find
    /// events that arrived before it was called; 0 keeps none (load tests that only use handlers).</summary>
    public int EventHistory { get; init; } = 1_000;

    /// <summary>A ping is sent when nothing else was for this long; the server drops clients silent
    /// for its client timeout (30 s by default).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The connection is considered lost when the server sends nothing (not even a ping) for this long.</summary>
    public TimeSpan ServerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for negotiate, the WebSocket upgrade and the handshake.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
