namespace Conversations.Server.Tests.Auth;

/// <summary>The real server with sessions of seconds: 4 s sliding, 12 s absolute. Wide enough that a slow
/// request on a loaded machine neither outlives the sliding window nor crosses the absolute lifetime early.</summary>
public sealed class ShortSessionServer : ServerFixture
{
    public ShortSessionServer()
    {
        Settings["Auth:SlidingExpiration"] = "00:00:04";
        Settings["Auth:AbsoluteLifetime"] = "00:00:12";
    }
}
