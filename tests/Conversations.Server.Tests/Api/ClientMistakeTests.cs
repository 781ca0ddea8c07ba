using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Text;

namespace Conversations.Server.Tests.Api;

/// <summary>A client's mistake is a 400 naming the field, never a 500.</summary>
public sealed class ClientMistakeTests(ApiServer server) : IClassFixture<ApiServer>
{
    public static TheoryData<string, string> MalformedMultipart => new()
    {
        { "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc" },
        { "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc" },
        { "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"" },
        { "multipart/form-data; boundary=x", "hello, not multipart at all" },
        { "multipart/form-data; boundary=" + new string('b', 80), "--" + new string('b', 80) + "\r\n\r\nabc\r\n--" + new string('b', 80) + "--\r\n" },
        { "multipart/form-data; boundary=x", "--x\r\nthis is not a header line\r\n\r\nabc\r\n--x--\r\n" },
        { "multipart/form-data; boundary=x", "--x\r\n" + new string('H', 20_000) + ": v\r\n\r\nabc\r\n--x--\r\n" },
    };

    [Theory]
    [MemberData(nameof(MalformedMultipart))]
    public async Task Upload_MalformedMultipart_Returns400NamingFile(string contentType, string body)
    {
        using var agent = await server.SignInAsync("agent1@demo.test");
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await agent.PostAsync(new Uri("/api/uploads", UriKind.Relative), content);

        await ApiJson.AssertInvalidAsync(response, "file");
    }

    [Theory]
    [InlineData("9223372036854775807|c")]
    [InlineData("-9223372036854775808|c")]
    [InlineData("253402300800000001|c")]
    public async Task List_CursorWithOutOfRangeTime_Returns400NamingCursor(string decoded)
    {
        using var agent = await server.SignInAsync("agent1@demo.test");
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(decoded));

        using var response = await agent.GetAsync(new Uri($"/api/conversations?view=live&cursor={cursor}", UriKind.Relative));

        await ApiJson.AssertInvalidAsync(response, "cursor");
    }

    [Theory]
    [InlineData("to", "0001-01-01T00:00:00Z")]
    [InlineData("from", "0001-01-01T00:00:00Z")]
    [InlineData("to", "9999-12-31T23:59:59Z")]
    public async Task Analytics_TimeAtTheEdgeOfTheCalendar_Returns400NamingIt(string field, string value)
    {
        using var admin = await server.SignInAsync("admin@demo.test");

        using var response = await admin.GetAsync(new Uri($"/api/analytics?{field}={Uri.EscapeDataString(value)}", UriKind.Relative));

        await ApiJson.AssertInvalidAsync(response, field);
    }

    [Theory]
    [InlineData("/api/auth/login", "{\"email\": 42, \"password\": \"x\"}", "email")]
    [InlineData("/api/snippets", "{\"shortcut\": \"hi\", \"title\": [1], \"text\": \"Hello\"}", "title")]
    public async Task Post_MistypedJsonField_Returns400NamingIt(string path, string json, string field)
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

        using var response = await admin.PostAsync(new Uri(path, UriKind.Relative), content);

        await ApiJson.AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task Post_TruncatedJson_Returns400NamingBody()
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        using var content = new StringContent("{\"shortcut\": \"hi\", \"te", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

        using var response = await admin.PostAsync(new Uri("/api/snippets", UriKind.Relative), content);

        await ApiJson.AssertInvalidAsync(response, "body");
    }
}
