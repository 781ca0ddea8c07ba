using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.Assistants;

/// <summary>The form editor's draft API: the draft as JSON in the definition's shape, replaced through the YAML
/// validator (errors naming the field), visible to the preview and the YAML export, and admins only.</summary>
public sealed class AssistantDraftEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task PutDraft_EditedPhrase_IsStoredAndMatchedByThePreview()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var id = await ImportAsync(admin);
        var draft = JsonNode.Parse((await ApiJson.GetAsync(admin, $"/api/assistants/{id}/draft")).GetRawText())!;
        draft["intents"]![0]!["phrases"]!["en"]!.AsArray().Add("where is my parcel from the moon");

        using var saved = await admin.PutAsync(new Uri($"/api/assistants/{id}/draft", UriKind.Relative), Json(draft));
        var reread = await ApiJson.GetAsync(admin, $"/api/assistants/{id}/draft");
        using var yaml = await admin.GetAsync(new Uri($"/api/assistants/{id}/yaml", UriKind.Relative));
        using var preview = await admin.PostAsJsonAsync($"/api/assistants/{id}/preview", new { text = "where is my parcel from the moon", language = "en" });

        await ApiJson.ReadAsync(saved, HttpStatusCode.OK);
        var intent = reread.GetProperty("intents")[0];
        Assert.Equal("order-status", intent.GetProperty("id").GetString());
        Assert.Contains("where is my parcel from the moon", intent.GetProperty("phrases").GetProperty("en").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Your order is on its way.", intent.GetProperty("answer").GetProperty("en").GetString());
        Assert.Equal("Sorry?", reread.GetProperty("fallback").GetProperty("message").GetString());
        Assert.Equal("en", reread.GetProperty("onboardingRules")[0].GetProperty("when").GetProperty("equals").GetString());
        Assert.False(reread.TryGetProperty("resolvedDefaultLanguage", out _));
        Assert.Contains("where is my parcel from the moon", await yaml.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var match = await ApiJson.ReadAsync(preview, HttpStatusCode.OK);
        Assert.Equal("order-status", match.GetProperty("intent").GetString());
        Assert.True(match.GetProperty("confidence").GetSingle() > 0.5f);
    }

    [Fact]
    public async Task PutDraft_IntentWithoutPhrases_ProblemNamesTheFieldAndDraftIsKept()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var id = await ImportAsync(admin);
        var draft = JsonNode.Parse((await ApiJson.GetAsync(admin, $"/api/assistants/{id}/draft")).GetRawText())!;
        draft["intents"]![1]!["phrases"] = new JsonObject { ["en"] = new JsonArray(), ["fr"] = new JsonArray() };
        draft["steps"]![0]!["next"] = "nowhere";

        using var refused = await admin.PutAsync(new Uri($"/api/assistants/{id}/draft", UriKind.Relative), Json(draft));
        var kept = await ApiJson.GetAsync(admin, $"/api/assistants/{id}/draft");

        var problem = await ApiJson.ReadAsync(refused, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("training phrase", errors.GetProperty("intents[1].phrases")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("nowhere", errors.GetProperty("steps[0].next")[0].GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(kept.GetProperty("intents")[1].GetProperty("phrases").GetProperty("en").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"intents":[{"id":"x","phrases":{"en":["a",null]},"answer":"b"}],"languages":["en"]}""", "intents[0].phrases.en[1]")]
    [InlineData("""{"languages":["en"],"steps":[{"id":"s","type":"message","text":"hi","nxt":"s"}]}""", "steps[0].nxt")]
    [InlineData("""{"languages":["en"],"threshold":"high"}""", "threshold")]
    [InlineData("""{"languages":["en"],"steps":[{"id":"s","type":"message","text":{"en":3}}]}""", "steps[0].text")]
    [InlineData("""{"languages":null}""", "languages")]
    [InlineData("""{"id":"someone-else","languages":["en"]}""", "id")]
    [InlineData("""[1]""", "body")]
    public async Task PutDraft_BadShape_ProblemNamesTheField(string body, string field)
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var id = await ImportAsync(admin);

        using var refused = await admin.PutAsync(new Uri($"/api/assistants/{id}/draft", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        await ApiJson.AssertInvalidAsync(refused, field);
    }

    [Fact]
    public async Task Draft_AgentOrUnknownAssistant_ForbiddenOrNotFound()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var agent = await server.SignInAsync("agent1@demo.test");
        var id = await ImportAsync(admin);
        var draft = (await ApiJson.GetAsync(admin, $"/api/assistants/{id}/draft")).GetRawText();

        using var read = await agent.GetAsync(new Uri($"/api/assistants/{id}/draft", UriKind.Relative));
        using var write = await agent.PutAsync(new Uri($"/api/assistants/{id}/draft", UriKind.Relative), new StringContent(draft, Encoding.UTF8, "application/json"));
        using var unknown = await admin.PutAsync(new Uri("/api/assistants/no-such-assistant/draft", UriKind.Relative), new StringContent(draft, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await ApiJson.GetAsync(admin, "/api/assistants/no-such-assistant/draft", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Draft_Botmaster_EditsTheAssistantsButNotTheWorkspace()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var id = await ImportAsync(admin);
        using var created = await admin.PostAsJsonAsync("/api/agents", new { email = "botmaster@demo.test", password = ApiServer.Password, displayName = "Botmaster", role = "botmaster" });
        Assert.Equal("botmaster", (await ApiJson.ReadAsync(created, HttpStatusCode.Created)).GetProperty("role").GetString());
        using var botmaster = await server.SignInAsync("botmaster@demo.test");

        var me = await ApiJson.GetAsync(botmaster, "/api/me");
        var draft = await ApiJson.GetAsync(botmaster, $"/api/assistants/{id}/draft");
        using var saved = await botmaster.PutAsync(new Uri($"/api/assistants/{id}/draft", UriKind.Relative), new StringContent(draft.GetRawText(), Encoding.UTF8, "application/json"));
        using var published = await botmaster.PostAsync(new Uri($"/api/assistants/{id}/publish", UriKind.Relative), null);
        using var agents = await botmaster.PostAsJsonAsync("/api/agents", new { email = "made-by-botmaster@demo.test", password = ApiServer.Password, displayName = "X" });
        using var sites = await botmaster.GetAsync(new Uri("/api/sites", UriKind.Relative));

        Assert.Equal("botmaster", me.GetProperty("role").GetString());
        Assert.Contains((await ApiJson.GetAsync(botmaster, "/api/assistants")).EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        await ApiJson.ReadAsync(saved, HttpStatusCode.OK);
        await ApiJson.ReadAsync(published, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, agents.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sites.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/assistants/demo-assistant/draft")]
    [InlineData("PUT", "/api/assistants/demo-assistant/draft")]
    [InlineData("GET", "/api/knowledge/articles")]
    public async Task DraftRoutes_Anonymous_Unauthorized(string method, string path)
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListArticles_PublishedOnly_RenderedAndFilteredByLanguage()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var agent = await server.SignInAsync("agent1@demo.test");
        var id = await ImportAsync(admin);
        var before = await ApiJson.GetAsync(agent, "/api/knowledge/articles");
        using var published = await admin.PostAsync(new Uri($"/api/assistants/{id}/publish", UriKind.Relative), null);
        var all = await ApiJson.GetAsync(agent, "/api/knowledge/articles");
        var french = await ApiJson.GetAsync(agent, "/api/knowledge/articles?language=fr");

        Assert.DoesNotContain(before.EnumerateArray(), a => a.GetProperty("assistantId").GetString() == id);
        var ours = all.EnumerateArray().Where(a => a.GetProperty("assistantId").GetString() == id).ToList();
        var article = Assert.Single(ours);
        Assert.Equal("returns", article.GetProperty("id").GetString());
        Assert.Contains("<strong>30 days</strong>", article.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", article.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("You have 30 days to return an item.", article.GetProperty("excerpt").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(french.EnumerateArray(), a => a.GetProperty("assistantId").GetString() == id);
        Assert.All(french.EnumerateArray(), a => Assert.Equal("fr", a.GetProperty("language").GetString()));
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<string> ImportAsync(HttpClient admin)
    {
        var id = $"draft-{Guid.NewGuid():N}"[..16];
        var yaml = $$"""
            id: {{id}}
            name: Draft test
            languages: [en, fr]
            start: hello
            fallback:
              message: "Sorry?"
            onboardingRules:
              - when: { variable: lang, equals: en }
                tag: english
            steps:
              - id: hello
                type: message
                text: { en: "Hello!", fr: "Bonjour !" }
            intents:
              - id: order-status
                phrases:
                  en: ["where is my order", "track my order"]
                  fr: ["où est ma commande"]
                answer: { en: "Your order is on its way.", fr: "Votre commande est en route." }
              - id: returns
                phrases:
                  en: ["how do I return an item", "return policy"]
                  fr: ["comment retourner un article"]
                article: returns
            knowledge:
              - id: returns
                language: en
                title: Returns
                body: "You have **30 days** to return an item.<script>alert(1)</script>"
              - id: draft-only
                language: en
                title: Not yet
                body: "Hidden."
                published: false
            """;
        using var response = await admin.PostAsync(new Uri("/api/assistants/import", UriKind.Relative), new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        await ApiJson.ReadAsync(response, HttpStatusCode.OK);
        return id;
    }
}
