using System.Net;
using System.Net.Http.Json;
using Conversations.Server.Auth;

namespace Conversations.Server.Tests.Network;

public sealed class ForwardedHeadersTests(EdgeServer server) : IClassFixture<EdgeServer>
{
    [Fact]
    public async Task SignIn_HttpsAtTrustedProxy_CookieIsSecure()
    {
        var email = await server.CreateAgentAsync();

        var (response, _) = await server.SignInAsync(email, "192.0.2.10", forwardedProto: "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AuthCookie(response), attribute => attribute.Equals("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignIn_ForwardedHttpsFromUntrustedClient_Ignored()
    {
        await using var direct = new ServerFixture();
        using var http = direct.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "agent1@demo.test", password = EdgeServer.Password }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(AuthCookie(response), attribute => attribute.Equals("secure", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(AuthExtensions.CookieName + "=", StringComparison.Ordinal))
            .Split(';', StringSplitOptions.TrimEntries);
}
