using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Server.Security;
using Conversations.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Cluster;

/// <summary>Data Protection keys live in the database: what one node protects, every node over the same
/// database reads, and a node over another database does not.</summary>
public sealed class SharedKeysTests
{
    [PostgresFact]
    public async Task VisitorToken_IssuedByOneNode_ResumesTheConversationOnAnother()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var first = new PostgresNode(database.ConnectionString);
        await using var second = new PostgresNode(database.ConnectionString);
        _ = first.BaseAddress;
        await using var widget = await first.ConnectHubAsync("/hubs/widget");
        var started = await widget.InvokeAsync<JsonElement>("start", new { siteId = "demo" });
        var token = started.GetProperty("visitorToken").GetString()!;
        Assert.True(first.Services.GetRequiredService<IVisitorTokenReader>().TryRead(token, out var issued));

        await using var elsewhere = await second.ConnectHubAsync("/hubs/widget");
        var resumed = await elsewhere.InvokeAsync<JsonElement>("start", new { siteId = "demo", visitorToken = token });

        Assert.True(second.Services.GetRequiredService<IVisitorTokenReader>().TryRead(token, out var read));
        Assert.Equal(issued.ContactId, read.ContactId);
        Assert.Equal(started.GetProperty("conversationId").GetString(), resumed.GetProperty("conversationId").GetString());
    }

    [PostgresFact]
    public async Task AuthCookie_IssuedByOneNode_IsAcceptedByAnotherButNotOverAnotherDatabase()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var otherDatabase = await TestPostgres.CreateAsync();
        await using var first = new PostgresNode(database.ConnectionString);
        await using var second = new PostgresNode(database.ConnectionString);
        await using var stranger = new PostgresNode(otherDatabase.ConnectionString);
        var cookies = new CookieContainer();
        using (var login = first.CreateHttpClient(cookies))
        {
            using var response = await login.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = "agent1@demo.test", password = "demo-password" });
            response.EnsureSuccessStatusCode();
        }

        using var onSecond = await GetMeAsync(second, cookies);
        using var onStranger = await GetMeAsync(stranger, cookies);

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Equal("agent1@demo.test", (await onSecond.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, onStranger.StatusCode);
    }

    // Cookies are scoped to a host, not a port (RFC 6265), so the first node's cookie goes to the others on
    // 127.0.0.1 as a browser would send it to every node behind one load-balanced address.
    private static async Task<HttpResponseMessage> GetMeAsync(PostgresNode node, CookieContainer cookies)
    {
        using var http = node.CreateHttpClient(cookies);
        return await http.GetAsync(new Uri("/api/me", UriKind.Relative));
    }
}
