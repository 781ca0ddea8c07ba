using System.Net;
using System.Net.Http.Json;
using System.Text;
using Conversations.Contracts;
using Conversations.Server.Seed;
using Conversations.Server.Tests.Api;
using Conversations.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Assistants;

/// <summary>Assistants live in the database (grain state), not in a process: a restarted server over the same
/// data has the same drafts, versions and connections (SQLite, or PostgreSQL with
/// <c>CONVERSATIONS_TEST_SERVER_PROVIDER=Postgres</c>).</summary>
public sealed class AssistantRestartTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_PublishedAndDraft_BothKeptAndThePublishedOneAnswers()
    {
        const string id = "restart-shop";
        var site = $"site-{Guid.NewGuid():N}";
        await using (var first = Server())
        {
            using var admin = await SignInAsync(first);
            await first.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId)
                .UpsertSiteAsync(DemoSeed.AdminId, new SiteConfig(site, "Restart test", [], AutoAssignment: false));
            await SendAsync(admin.PostAsync(new Uri("/api/assistants/import", UriKind.Relative), Yaml(TestAssistantYaml.Of(id, "Published welcome"))));
            await SendAsync(admin.PostAsync(new Uri($"/api/assistants/{id}/publish", UriKind.Relative), null));
            await SendAsync(admin.PostAsync(new Uri("/api/assistants/import", UriKind.Relative), Yaml(TestAssistantYaml.Of(id, "Draft welcome"))));
            await SendAsync(admin.PutAsJsonAsync($"/api/assistants/{id}/channels", new { sites = new[] { site } }));
        }

        await using var restarted = Server();
        using var again = await SignInAsync(restarted);
        var listed = (await ApiJson.GetAsync(again, "/api/assistants")).EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        var draft = await again.GetStringAsync(new Uri($"/api/assistants/{id}/yaml", UriKind.Relative));
        var snapshot = await restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<IContactGrain>($"contact-{Guid.NewGuid():N}")
            .StartAsync(new ContactStart(DemoSeed.WorkspaceId, site, Locale: "en"));

        Assert.Equal(1, listed.GetProperty("publishedVersion").GetInt32());
        Assert.Equal([site], listed.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("Draft welcome", draft, StringComparison.Ordinal);
        Assert.Equal("Published welcome", snapshot.Messages.First(m => m.Author.Kind == AuthorKind.Bot).Text);
        Assert.Contains(listed.GetProperty("versions").EnumerateArray(), v => v.GetProperty("number").GetInt32() == 1);
        Assert.Contains((await ApiJson.GetAsync(again, "/api/assistants")).EnumerateArray(), a => a.GetProperty("id").GetString() == DemoSeed.AssistantId);
    }

    public async ValueTask DisposeAsync()
    {
        await TestStorage.DropAsync(_dataDirectory);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private KestrelServerFixture<Program> Server()
    {
        var server = new KestrelServerFixture<Program>();
        TestStorage.Configure(server.Settings, _dataDirectory);
        _ = server.BaseAddress;
        return server;
    }

    private static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, "application/yaml");

    private static async Task SendAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        await ApiJson.ReadAsync(response, HttpStatusCode.OK);
    }

    private static async Task<HttpClient> SignInAsync(KestrelServerFixture<Program> server)
    {
        var http = server.CreateHttpClient(new CookieContainer());
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email = "admin@demo.test", password = ApiServer.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return http;
    }
}
