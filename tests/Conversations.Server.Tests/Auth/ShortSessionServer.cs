namespace Conversations.Server.Tests.Auth;

/// <summary>The real server with sessions of seconds: 2 s sliding, 5 s absolute.</summary>
public sealed class ShortSessionServer : ServerFixture
{
    public ShortSessionServer()
    {
        Settings["Auth:SlidingExpiration"] = "00:00:02";
        Settings["Auth:AbsoluteLifetime"] = "00:00:05";
    }
}
