using System.Net;

namespace Conversations.Server.Tests.Auth;

public sealed class SignInLimitTests(EdgeServer server) : IClassFixture<EdgeServer>
{
    [Fact]
    public async Task SignIn_OverAccountBudgetFromManyAddresses_Returns429WithRetryAfter()
    {
        var email = await server.CreateAgentAsync();
        var other = await server.CreateAgentAsync();
        for (var attempt = 0; attempt < EdgeServer.SignInBudget; attempt++)
        {
            var (wrong, _) = await server.SignInAsync(email, $"198.51.100.{attempt + 1}", password: "wrong-password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var (refused, _) = await server.SignInAsync(email, "198.51.100.50");
        var (otherAccount, _) = await server.SignInAsync(other, "198.51.100.51");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task SignIn_OverAddressBudget_Returns429WithRetryAfterForThatAddressOnly()
    {
        for (var attempt = 0; attempt < EdgeServer.SignInBudget; attempt++)
        {
            var (wrong, _) = await server.SignInAsync($"nobody-{attempt}@demo.test", "203.0.113.7");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var (refused, _) = await server.SignInAsync("nobody-else@demo.test", "203.0.113.7");
        var (otherAddress, _) = await server.SignInAsync("nobody-else@demo.test", "203.0.113.8");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal(HttpStatusCode.Unauthorized, otherAddress.StatusCode);
    }
}
