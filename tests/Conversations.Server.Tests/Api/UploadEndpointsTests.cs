using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Conversations.Server.Security;
using Conversations.Server.Seed;
using Conversations.Server.Hubs.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Api;

public sealed class UploadEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Upload_PngByAgent_IsStoredAndServedWithSafeHeaders()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var uploaded = await agent.PostAsync(new Uri("/api/uploads", UriKind.Relative), Form(Png, "../photo<1>.PNG", "application/octet-stream"));
        var body = await ApiJson.ReadAsync(uploaded, HttpStatusCode.OK);
        var id = body.GetProperty("id").GetString()!;
        using var served = await agent.GetAsync(new Uri(body.GetProperty("url").GetString()!, UriKind.Relative));

        Assert.Equal(32, id.Length);
        Assert.Equal("image/png", body.GetProperty("contentType").GetString());
        Assert.Equal("photo1.png", body.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("default-src 'none'", served.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("photo1.png", served.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(served.Headers.CacheControl?.Private);
        Assert.NotNull(served.Headers.ETag);
    }

    [Fact]
    public async Task Upload_HtmlClaimingToBePng_Returns400NamingFile()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.PostAsync(
            new Uri("/api/uploads", UriKind.Relative),
            Form(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "image.png", "image/png"));

        await ApiJson.AssertInvalidAsync(response, "file");
    }

    [Fact]
    public async Task Upload_LargerThan5MB_IsRefused()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");
        var big = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);

        using var response = await agent.PostAsync(new Uri("/api/uploads", UriKind.Relative), Form(big, "big.png", "image/png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_WithoutFileField_Returns400NamingFile()
    {
        using var agent = await server.SignInAsync("agent1@demo.test");
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        using var response = await agent.PostAsync(new Uri("/api/uploads", UriKind.Relative), form);

        await ApiJson.AssertInvalidAsync(response, "file");
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-an-id")]
    public async Task Download_GuessedId_Returns404(string id)
    {
        using var agent = await server.SignInAsync("agent1@demo.test");

        using var response = await agent.GetAsync(new Uri($"/api/uploads/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_Anonymous_Returns401()
    {
        using var http = server.CreateHttpClient();

        using var response = await http.PostAsync(new Uri("/api/uploads", UriKind.Relative), Form(Png, "a.png", "image/png"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Upload_ForgedVisitorToken_Returns401()
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = Form(Png, "a.png", "image/png") };
        request.Headers.Add("X-Visitor-Token", "CfDJ8forged-token");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Upload_ByVisitor_ReadableByItAndItsWorkspaceAgentsOnly()
    {
        var visitor = Token(DemoSeed.WorkspaceId, "contact-a");
        var otherVisitor = Token(DemoSeed.WorkspaceId, "contact-b");
        using var http = server.CreateHttpClient();
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = Form(Png, "mine.png", "image/png") };
        upload.Headers.Add("X-Visitor-Token", visitor);
        using var uploaded = await http.SendAsync(upload);
        // The bare path, without the link's signature: what each credential alone may read.
        var url = $"/api/uploads/{(await ApiJson.ReadAsync(uploaded, HttpStatusCode.OK)).GetProperty("id").GetString()}";
        using var agent = await server.SignInAsync("agent2@demo.test");
        using var stranger = await server.SignInAsync(await server.CreateOtherWorkspaceAsync("globex"));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, url, visitor));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http, url, otherVisitor));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, url, token: null));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(agent, url, token: null));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(stranger, url, token: null));
    }

    private string Token(string workspaceId, string contactId) =>
        server.Services.GetRequiredService<VisitorTokens>().Issue(new VisitorIdentity(workspaceId, DemoSeed.SiteId, contactId));

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Add("X-Visitor-Token", token);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
