using System.Net;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.Observability;

public sealed class DashboardTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("agent1@demo.test", HttpStatusCode.Forbidden)]
    [InlineData("admin@demo.test", HttpStatusCode.OK)]
    public async Task Dashboard_ByWhoAsks_OnlyAdminsGetIt(string? email, HttpStatusCode expected)
    {
        using var http = email is null ? server.CreateHttpClient() : await server.SignInAsync(email);

        using var response = await http.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
