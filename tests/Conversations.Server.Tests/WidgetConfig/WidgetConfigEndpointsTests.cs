using System.Net;
using System.Net.Http.Json;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.WidgetConfig;

public sealed class WidgetConfigEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Get_SiteWithAppearance_AnswersAnonymouslyWithTheLook()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/sites", new
        {
            id = "looks",
            name = "Looks",
            appearance = new { title = "Support", greeting = "Hi there", primaryColor = "#AA3300", avatarUrl = "https://cdn.example.com/a.png", launcherPosition = "left" },
        });
        var site = await ApiJson.ReadAsync(created, HttpStatusCode.Created);
        using var anonymous = server.CreateHttpClient();

        using var response = await anonymous.GetAsync(new Uri("/api/sites/looks/widget", UriKind.Relative));
        var config = await ApiJson.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("#aa3300", site.GetProperty("appearance").GetProperty("primaryColor").GetString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("Support", config.GetProperty("title").GetString());
        Assert.Equal("Hi there", config.GetProperty("greeting").GetString());
        Assert.Equal("#aa3300", config.GetProperty("primaryColor").GetString());
        Assert.Equal("https://cdn.example.com/a.png", config.GetProperty("avatarUrl").GetString());
        Assert.Equal("left", config.GetProperty("launcherPosition").GetString());
        Assert.False(config.TryGetProperty("allowedOrigins", out _));
    }

    [Fact]
    public async Task Update_WithoutAppearance_KeepsIt()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/sites", new { id = "keeps", name = "Keeps", appearance = new { title = "Kept" } });
        created.EnsureSuccessStatusCode();

        using var updated = await admin.PutAsJsonAsync("/api/sites/keeps", new { name = "Keeps 2" });
        var site = await ApiJson.ReadAsync(updated, HttpStatusCode.OK);

        Assert.Equal("Kept", site.GetProperty("appearance").GetProperty("title").GetString());
        Assert.Equal("right", (await ApiJson.GetAsync(server.CreateHttpClient(), "/api/sites/keeps/widget")).GetProperty("launcherPosition").GetString());
    }

    [Theory]
    [InlineData("primaryColor", "red")]
    [InlineData("primaryColor", "#12345")]
    [InlineData("launcherPosition", "top")]
    [InlineData("avatarUrl", "javascript:alert(1)")]
    [InlineData("avatarUrl", "//evil.example.com/a.png")]
    public async Task Create_BadAppearance_ProblemNamesTheField(string field, string value)
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.PostAsJsonAsync("/api/sites", new { name = "Bad", appearance = new Dictionary<string, string> { [field] = value } });

        await ApiJson.AssertInvalidAsync(response, $"appearance.{field}");
    }

    [Fact]
    public async Task Get_UnknownSite_Is404()
    {
        using var anonymous = server.CreateHttpClient();

        using var response = await anonymous.GetAsync(new Uri("/api/sites/nope/widget", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
