using System.Net;

namespace Conversations.Server.Tests.Api;

public sealed class AnonymousAccessTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("GET", "/api/conversations")]
    [InlineData("GET", "/api/conversations/some-id")]
    [InlineData("GET", "/api/conversations/some-id/messages")]
    [InlineData("GET", "/api/uploads/0123456789abcdef0123456789abcdef")]
    [InlineData("POST", "/api/uploads")]
    [InlineData("GET", "/api/agents")]
    [InlineData("POST", "/api/agents")]
    [InlineData("PUT", "/api/agents/agent1/licence")]
    [InlineData("DELETE", "/api/agents/agent1")]
    [InlineData("GET", "/api/sites")]
    [InlineData("POST", "/api/sites")]
    [InlineData("GET", "/api/channels")]
    [InlineData("PUT", "/api/channels/api-demo")]
    [InlineData("GET", "/api/teams")]
    [InlineData("GET", "/api/settings")]
    [InlineData("PUT", "/api/settings")]
    [InlineData("GET", "/api/analytics")]
    [InlineData("GET", "/api/snippets")]
    [InlineData("POST", "/api/snippets")]
    [InlineData("GET", "/api/me")]
    [InlineData("GET", "/api/no-such-route")]
    public async Task Anonymous_ApiRoute_Returns401(string method, string path)
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_Login_IsNot401ForItsOwnSake()
    {
        using var http = server.CreateHttpClient();

        using var response = await http.PostAsync(new Uri("/api/auth/login", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignedIn_UnknownApiRoute_Returns404()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.GetAsync(new Uri("/api/no-such-route", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
