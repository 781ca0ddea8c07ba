using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Conversations.Server.Hubs.Security;
using Conversations.Server.Security;
using Conversations.Server.Seed;
using Conversations.Server.Tests.Api;
using Conversations.Server.Tests.Hubs;
using Conversations.Server.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Uploads;

public sealed class UploadLinkTests(ApiServer server) : IClassFixture<ApiServer>
{
    // The demo site lists this origin; a customer's page embedding the widget runs on it.
    private const string SiteOrigin = "http://localhost:5080";
    private const string OtherOrigin = "http://attacker.example.test";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Preflight_FromTheSitesAllowedOrigin_IsGranted()
    {
        using var http = server.CreateHttpClient();

        using var response = await http.SendAsync(Preflight(SiteOrigin));

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal(SiteOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-visitor-token", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData(OtherOrigin, "demo")]
    [InlineData(SiteOrigin, "no-such-site")]
    public async Task Preflight_FromAnOriginTheSiteDoesNotList_GetsNoGrant(string origin, string siteId)
    {
        using var http = server.CreateHttpClient();

        using var response = await http.SendAsync(Preflight(origin, siteId));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Upload_ByVisitorFromTheSitesOrigin_AnswersWithCorsAndASignedLink()
    {
        using var http = server.CreateHttpClient();

        using var response = await http.SendAsync(UploadRequest(Token("contact-cors"), SiteOrigin));
        var url = (await ApiJson.ReadAsync(response, HttpStatusCode.OK)).GetProperty("url").GetString()!;

        Assert.Equal(SiteOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains($"?{UploadLinks.SignatureParameter}=", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ByVisitorFromAnotherOrigin_Forbidden()
    {
        using var http = server.CreateHttpClient();

        using var response = await http.SendAsync(UploadRequest(Token("contact-elsewhere"), OtherOrigin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Download_SignedLinkWithoutAnyCredential_ServesTheImage()
    {
        var url = await UploadAsync("contact-img");
        using var anonymous = server.CreateHttpClient();

        using var served = await anonymous.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.InRange(served.Headers.CacheControl?.MaxAge ?? TimeSpan.MaxValue, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Download_ExpiredSignature_Forbidden()
    {
        var id = IdOf(await UploadAsync("contact-expired"));
        var links = server.Services.GetRequiredService<UploadLinks>();
        var expired = links.Sign(id, server.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(-1));
        using var anonymous = server.CreateHttpClient();

        using var refused = await anonymous.GetAsync(new Uri(expired, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(id, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_TamperedOrBorrowedSignature_Forbidden()
    {
        var url = await UploadAsync("contact-tamper");
        var other = await UploadAsync("contact-tamper-other");
        var signature = url[(url.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var tampered = string.Concat(url.AsSpan(0, url.Length - 3), signature.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");
        var borrowed = $"/api/uploads/{IdOf(other)}?{UploadLinks.SignatureParameter}={signature}";
        using var anonymous = server.CreateHttpClient();

        using var tamperedResponse = await anonymous.GetAsync(new Uri(tampered, UriKind.Relative));
        using var borrowedResponse = await anonymous.GetAsync(new Uri(borrowed, UriKind.Relative));
        using var unknownResponse = await anonymous.GetAsync(new Uri($"/api/uploads/{new string('0', 32)}?sig={signature}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, tamperedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, borrowedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknownResponse.StatusCode);
    }

    [Fact]
    public async Task Message_WithAnUpload_CarriesASignedLinkOnTheHubAndInRest()
    {
        var (widget, start) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        using var http = server.CreateHttpClient();
        using var uploaded = await http.SendAsync(UploadRequest(start.Id("visitorToken"), origin: null));
        var id = (await ApiJson.ReadAsync(uploaded, HttpStatusCode.OK)).GetProperty("id").GetString()!;

        var sent = await widget.InvokeAsync<JsonElement>("send", new { conversationId = start.Id(), clientMessageId = "img-1", attachmentId = id });
        using var agent = await server.SignInAsync("agent1@demo.test");
        var history = await ApiJson.ReadAsync(
            await agent.GetAsync(new Uri($"/api/conversations/{start.Id()}/messages", UriKind.Relative)), HttpStatusCode.OK);
        var restUrl = history.EnumerateArray().Single(m => m.GetProperty("clientMessageId").GetString() == "img-1")
            .GetProperty("attachment").GetProperty("url").GetString()!;
        var hubUrl = sent.GetProperty("attachment").GetProperty("url").GetString()!;
        using var anonymous = server.CreateHttpClient();

        Assert.StartsWith($"/api/uploads/{id}?{UploadLinks.SignatureParameter}=", hubUrl, StringComparison.Ordinal);
        Assert.StartsWith($"/api/uploads/{id}?{UploadLinks.SignatureParameter}=", restUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(hubUrl, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(restUrl, UriKind.Relative))).StatusCode);
    }

    private static HttpRequestMessage Preflight(string origin, string siteId = DemoSeed.SiteId)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, $"/api/uploads?siteId={siteId}");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-visitor-token");
        return request;
    }

    private static HttpRequestMessage UploadRequest(string token, string? origin)
    {
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/uploads?siteId={DemoSeed.SiteId}")
        {
            Content = new MultipartFormDataContent { { file, "file", "a.png" } },
        };
        request.Headers.Add("X-Visitor-Token", token);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private async Task<string> UploadAsync(string contactId)
    {
        using var http = server.CreateHttpClient();
        using var response = await http.SendAsync(UploadRequest(Token(contactId), SiteOrigin));
        return (await ApiJson.ReadAsync(response, HttpStatusCode.OK)).GetProperty("url").GetString()!;
    }

    private static string IdOf(string url) => url["/api/uploads/".Length..url.IndexOf('?', StringComparison.Ordinal)];

    private string Token(string contactId) =>
        server.Services.GetRequiredService<VisitorTokens>().Issue(new VisitorIdentity(DemoSeed.WorkspaceId, DemoSeed.SiteId, contactId));
}
