using System.Net;
using System.Net.Http.Json;

namespace Conversations.Server.Tests.Api;

public sealed class SnippetEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Snippets_CrudBySupervisor_ReadByAgents()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var created = await admin.PostAsJsonAsync("/api/snippets", new { shortcut = "/hello", title = "Greeting", text = "Hello, how can I help?" });
        var id = (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();
        using var updated = await admin.PutAsJsonAsync($"/api/snippets/{id}", new { shortcut = "hi", text = "Hi!" });
        var listed = await ApiJson.GetAsync(agent, "/api/snippets");
        using var deleted = await admin.DeleteAsync(new Uri($"/api/snippets/{id}", UriKind.Relative));
        var afterDelete = await ApiJson.GetAsync(agent, "/api/snippets");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var snippet = listed.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
        Assert.Equal("hi", snippet.GetProperty("shortcut").GetString());
        Assert.Equal("Hi!", snippet.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(afterDelete.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Snippets_AgentWrite403_BadField400_DuplicateShortcut409()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var forbidden = await agent.PostAsJsonAsync("/api/snippets", new { shortcut = "x", text = "x" });
        using var invalid = await admin.PostAsJsonAsync("/api/snippets", new { shortcut = "has space", text = "x" });
        using var first = await admin.PostAsJsonAsync("/api/snippets", new { shortcut = "bye", text = "Goodbye" });
        using var duplicate = await admin.PostAsJsonAsync("/api/snippets", new { shortcut = "BYE", text = "Bye" });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await ApiJson.AssertInvalidAsync(invalid, "shortcut");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }
}
