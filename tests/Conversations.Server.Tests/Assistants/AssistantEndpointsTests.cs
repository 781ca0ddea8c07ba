using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Seed;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.Assistants;

/// <summary>The lifecycle of assistants through the real server: what answers customers is the published
/// version of the assistant connected to the site, a draft never answers, a site has one assistant, and a
/// site left without one gets the default response.</summary>
public sealed class AssistantEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string DefaultGreeting = "Hello! An agent will be with you shortly.";

    [Fact]
    public async Task Publish_DraftEditedThenPublishedThenRolledBack_CustomersGetThePublishedVersionOnly()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var id = NewId("lifecycle");
        var site = await NewSiteAsync();
        await ImportAsync(admin, TestAssistantYaml.Of(id, "Welcome v1"));
        await ConnectAsync(admin, id, new { sites = new[] { site } }, HttpStatusCode.OK);
        Assert.Equal(DefaultGreeting, await WelcomeAsync(site));

        var published = await PostAsync(admin, $"/api/assistants/{id}/publish");
        await ImportAsync(admin, TestAssistantYaml.Of(id, "Welcome v2"));
        Assert.Equal(1, published.GetProperty("number").GetInt32());
        Assert.Equal("Welcome v1", await WelcomeAsync(site));

        await PostAsync(admin, $"/api/assistants/{id}/publish");
        Assert.Equal("Welcome v2", await WelcomeAsync(site));

        var rolledBack = await PostAsync(admin, $"/api/assistants/{id}/rollback");
        Assert.Equal(3, rolledBack.GetProperty("number").GetInt32());
        Assert.Equal("Welcome v1", await WelcomeAsync(site));
        var listed = (await ApiJson.GetAsync(admin, "/api/assistants")).EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("active", listed.GetProperty("status").GetString());
        Assert.Equal(3, listed.GetProperty("publishedVersion").GetInt32());
        Assert.Equal([site], listed.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task ConnectChannels_SiteOfAnotherAssistant_ReplacesItsResponder()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var (first, second) = (NewId("first"), NewId("second"));
        var site = await NewSiteAsync();
        var channel = $"channel-{Guid.NewGuid():N}";
        await server.Grains.GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId).UpsertChannelAsync(DemoSeed.AdminId, new ChannelConfig(channel, "Assistant test", "secret"));
        foreach (var (id, welcome) in new[] { (first, "First here"), (second, "Second here") })
        {
            await ImportAsync(admin, TestAssistantYaml.Of(id, welcome));
            await PostAsync(admin, $"/api/assistants/{id}/publish");
        }

        await ConnectAsync(admin, first, new { sites = new[] { site } }, HttpStatusCode.OK);
        Assert.Equal("First here", await WelcomeAsync(site));
        var connected = await ConnectAsync(admin, second, new { sites = new[] { site }, channels = new[] { channel } }, HttpStatusCode.OK);

        Assert.Equal("Second here", await WelcomeAsync(site));
        Assert.Equal([site], connected.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal([channel], connected.GetProperty("channels").EnumerateArray().Select(s => s.GetString()));
        var firstChannels = await ApiJson.GetAsync(admin, $"/api/assistants/{first}/channels");
        Assert.Empty(firstChannels.GetProperty("sites").EnumerateArray());
    }

    [Fact]
    public async Task ConnectChannels_Disconnected_SiteGetsTheDefaultResponseThenTheQueue()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var id = NewId("leaving");
        var site = await NewSiteAsync();
        await ImportAsync(admin, TestAssistantYaml.Of(id, "Soon gone"));
        await PostAsync(admin, $"/api/assistants/{id}/publish");
        await ConnectAsync(admin, id, new { sites = new[] { site } }, HttpStatusCode.OK);

        await ConnectAsync(admin, id, new { sites = Array.Empty<string>() }, HttpStatusCode.OK);

        var snapshot = await StartAsync(site);
        Assert.Equal(DefaultGreeting, snapshot.Messages.First(m => m.Author.Kind == AuthorKind.Bot).Text);
        Assert.Equal(ConversationStatus.Waiting, (await server.Grains.GetGrain<IConversationGrain>(snapshot.ConversationId).GetStateAsync()).Status);
    }

    [Fact]
    public async Task Publish_OntoASite_PublishesAndConnectsOrWithAnUnknownSitePublishesNothing()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var id = NewId("onto");
        var site = await NewSiteAsync();
        await ImportAsync(admin, TestAssistantYaml.Of(id, "Published onto the site"));

        using var refused = await admin.PostAsJsonAsync($"/api/assistants/{id}/publish", new { sites = new[] { "no-such-site" } });
        await ApiJson.AssertInvalidAsync(refused, "sites[0]");
        var draft = (await ApiJson.GetAsync(admin, "/api/assistants")).EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("draft", draft.GetProperty("status").GetString());

        using var published = await admin.PostAsJsonAsync($"/api/assistants/{id}/publish", new { sites = new[] { site } });
        Assert.Equal(1, (await ApiJson.ReadAsync(published, HttpStatusCode.OK)).GetProperty("number").GetInt32());
        Assert.Equal("Published onto the site", await WelcomeAsync(site));
    }

    [Fact]
    public async Task ConnectChannels_UnknownSiteOrEmptyBody_ProblemNamesTheField()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var id = NewId("invalid");
        await ImportAsync(admin, TestAssistantYaml.Of(id, "Hi"));

        using var unknown = await admin.PutAsJsonAsync($"/api/assistants/{id}/channels", new { sites = new[] { DemoSeed.SiteId, "no-such-site" } });
        using var empty = await admin.PutAsJsonAsync($"/api/assistants/{id}/channels", new { });
        using var missing = await admin.PutAsJsonAsync("/api/assistants/no-such-assistant/channels", new { sites = Array.Empty<string>() });

        await ApiJson.AssertInvalidAsync(unknown, "sites[1]");
        await ApiJson.AssertInvalidAsync(empty, "sites");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Import_ReservedDefaultId_ProblemNamesTheId()
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.PostAsync(new Uri("/api/assistants/import", UriKind.Relative), Yaml(TestAssistantYaml.Of(AssistantKeys.DefaultResponse, "Hi")));

        await ApiJson.AssertInvalidAsync(response, "id");
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, "application/yaml");

    private static async Task ImportAsync(HttpClient admin, string yaml)
    {
        using var response = await admin.PostAsync(new Uri("/api/assistants/import", UriKind.Relative), Yaml(yaml));
        await ApiJson.ReadAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonElement> PostAsync(HttpClient admin, string url)
    {
        using var response = await admin.PostAsync(new Uri(url, UriKind.Relative), null);
        return await ApiJson.ReadAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonElement> ConnectAsync(HttpClient admin, string id, object body, HttpStatusCode expected)
    {
        using var response = await admin.PutAsJsonAsync($"/api/assistants/{id}/channels", body);
        return await ApiJson.ReadAsync(response, expected);
    }

    private async Task<string> NewSiteAsync()
    {
        var site = $"site-{Guid.NewGuid():N}";
        await server.Grains.GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId).UpsertSiteAsync(DemoSeed.AdminId, new SiteConfig(site, "Assistant test", [], AutoAssignment: false));
        return site;
    }

    private Task<ConversationSnapshot> StartAsync(string site) =>
        server.Grains.GetGrain<IContactGrain>($"contact-{Guid.NewGuid():N}").StartAsync(new ContactStart(DemoSeed.WorkspaceId, site, Locale: "en"));

    private async Task<string?> WelcomeAsync(string site) => (await StartAsync(site)).Messages.First(m => m.Author.Kind == AuthorKind.Bot).Text;
}
