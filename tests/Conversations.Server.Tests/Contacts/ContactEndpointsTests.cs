using System.Net;
using System.Net.Http.Json;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.Contacts;

public sealed class ContactEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Get_ContactOfAVisibleConversation_ReturnsVariablesAndConversations()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");
        var (conversationId, contactId) = await server.StartConversationAsync(variables: new Dictionary<string, string> { ["email"] = "marie@example.test" });

        var contact = await ApiJson.GetAsync(agent, $"/api/contacts/{contactId}");

        Assert.Equal(contactId, contact.GetProperty("id").GetString());
        Assert.Equal("marie@example.test", contact.GetProperty("variables").GetProperty("email").GetString());
        Assert.Contains(contact.GetProperty("conversations").EnumerateArray(), c => c.GetProperty("id").GetString() == conversationId);
    }

    [Fact]
    public async Task SetFields_ByAgent_AreStoredAndMerged()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");
        var (_, contactId) = await server.StartConversationAsync();

        using var first = await agent.PutAsJsonAsync($"/api/contacts/{contactId}/fields", new { fields = new Dictionary<string, string> { ["plan"] = "gold" } });
        await ApiJson.ReadAsync(first, HttpStatusCode.OK);
        using var second = await agent.PutAsJsonAsync($"/api/contacts/{contactId}/fields", new { fields = new Dictionary<string, string> { ["city"] = " Lyon " } });
        var contact = await ApiJson.ReadAsync(second, HttpStatusCode.OK);

        var fields = contact.GetProperty("customFields");
        Assert.Equal("gold", fields.GetProperty("plan").GetString());
        Assert.Equal("Lyon", fields.GetProperty("city").GetString());
    }

    [Fact]
    public async Task SetFields_Missing_Returns400NamingFields()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");
        var (_, contactId) = await server.StartConversationAsync();

        using var response = await agent.PutAsJsonAsync($"/api/contacts/{contactId}/fields", new { });

        await ApiJson.AssertInvalidAsync(response, "fields");
    }

    [Fact]
    public async Task Get_ContactOfAnotherWorkspace_Returns404()
    {
        var otherAdmin = await server.CreateOtherWorkspaceAsync($"ws{Guid.NewGuid():N}"[..12]);
        using var other = await server.SignInAsync(otherAdmin);
        var (_, contactId) = await server.StartConversationAsync();

        using var response = await other.GetAsync(new Uri($"/api/contacts/{contactId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
