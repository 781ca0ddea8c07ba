using System.Diagnostics;
using System.Net;
using Conversations.Server.Tests.Hubs;

namespace Conversations.Server.Tests.Auth;

public sealed class SessionLifetimeTests(ShortSessionServer server) : IClassFixture<ShortSessionServer>
{
    [Fact]
    public async Task Session_IdleLongerThanSliding_Refused()
    {
        using var http = server.CreateHttpClient(await HubSessions.LoginAsync(server, "agent1@demo.test"));
        using var fresh = await http.GetAsync(new Uri("/api/me", UriKind.Relative));

        await Task.Delay(TimeSpan.FromSeconds(6));
        using var idle = await http.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, idle.StatusCode);
    }

    [Fact]
    public async Task Session_BusyPastAbsoluteLifetime_Refused()
    {
        using var http = server.CreateHttpClient(await HubSessions.LoginAsync(server, "agent2@demo.test"));
        var clock = Stopwatch.StartNew();

        // Busy enough that the sliding window alone would keep it alive for ever.
        while (clock.Elapsed < TimeSpan.FromSeconds(7))
        {
            using var busy = await http.GetAsync(new Uri("/api/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(400));
        }

        while (clock.Elapsed < TimeSpan.FromSeconds(12.5))
        {
            using var keepAlive = await http.GetAsync(new Uri("/api/me", UriKind.Relative));
            await Task.Delay(TimeSpan.FromMilliseconds(400));
        }

        using var expired = await http.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }
}
