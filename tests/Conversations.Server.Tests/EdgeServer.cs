using System.Net;
using System.Net.Http.Json;
using Conversations.Actors;
using Conversations.Contracts;
using Conversations.Server.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests;

/// <summary>The real server as deployed behind a reverse proxy on the same host (127.0.0.1 is a known
/// proxy, so every test picks its own client address with <c>X-Forwarded-For</c> and gets its own
/// sign-in budget), with a console served from another origin and small sign-in budgets.</summary>
public sealed class EdgeServer : ServerFixture
{
    public const string Password = "demo-password";
    public const string ConsoleOrigin = "http://console.example.test";
    public const int SignInBudget = 3;

    public EdgeServer()
    {
        Settings["Network:KnownProxies:0"] = "127.0.0.1";
        Settings["Console:AllowedOrigins:0"] = ConsoleOrigin;
        Settings["Auth:SignInPerMinute"] = SignInBudget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Auth:SignInPerAccountPerMinute"] = SignInBudget.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A new agent of the demo workspace with its own account; returns its e-mail address.</summary>
    public async Task<string> CreateAgentAsync(AgentRole role = AgentRole.Agent)
    {
        var id = $"edge-{Guid.NewGuid():N}";
        var email = $"{id}@demo.test";
        await Grains.GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId).UpsertAgentAsync(DemoSeed.AdminId, new AgentProfile(id, DemoSeed.WorkspaceId, email, id, role));
        var hash = Services.GetRequiredService<IPasswordHasher<AccountView>>().HashPassword(null!, Password);
        await Grains.GetGrain<IAccountGrain>(email).SetAsync(id, DemoSeed.WorkspaceId, hash);
        return email;
    }

    /// <summary>Signs in through the proxy for <paramref name="clientAddress"/>; the answer and the cookies.</summary>
    public async Task<(HttpResponseMessage Response, CookieContainer Cookies)> SignInAsync(string email, string clientAddress, string password = Password, string? forwardedProto = null)
    {
        var cookies = new CookieContainer();
        using var http = CreateHttpClient(cookies);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        var response = await http.SendAsync(request);
        return (response, cookies);
    }
}
