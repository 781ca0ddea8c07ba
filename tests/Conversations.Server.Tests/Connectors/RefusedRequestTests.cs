using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.Server.Tests.Connectors;

public sealed class RefusedRequestTests(ConnectorFixture fixture) : IClassFixture<ConnectorFixture>
{
    private const string MessagesPath = "/api/channels/api-demo/messages";

    [Fact]
    public async Task Receive_WrongSecret_Returns401AndStoresNothing()
    {
        var (body, messageId, userId) = Body();

        await AssertRefusedAsync(MessagesPath, body, ConnectorClient.Sign(body, DateTimeOffset.UtcNow, "wrong-secret"), HttpStatusCode.Unauthorized, messageId, userId);
    }

    [Fact]
    public async Task Receive_StaleTimestamp_Returns401AndStoresNothing()
    {
        var (body, messageId, userId) = Body();

        await AssertRefusedAsync(MessagesPath, body, ConnectorClient.Sign(body, DateTimeOffset.UtcNow.AddSeconds(-301)), HttpStatusCode.Unauthorized, messageId, userId);
    }

    [Fact]
    public async Task Receive_FutureTimestamp_Returns401AndStoresNothing()
    {
        var (body, messageId, userId) = Body();

        await AssertRefusedAsync(MessagesPath, body, ConnectorClient.Sign(body, DateTimeOffset.UtcNow.AddSeconds(301)), HttpStatusCode.Unauthorized, messageId, userId);
    }

    [Fact]
    public async Task Receive_MissingSignature_Returns401AndStoresNothing()
    {
        var (body, messageId, userId) = Body();

        await AssertRefusedAsync(MessagesPath, body, null, HttpStatusCode.Unauthorized, messageId, userId);
    }

    [Fact]
    public async Task Receive_BodyChangedAfterSigning_Returns401AndStoresNothing()
    {
        var (body, messageId, userId) = Body();
        var signature = ConnectorClient.Sign(body, DateTimeOffset.UtcNow);
        body[^2] = (byte)' ';

        await AssertRefusedAsync(MessagesPath, body, signature, HttpStatusCode.Unauthorized, messageId, userId);
    }

    [Fact]
    public async Task Receive_UnknownChannel_Returns404AndStoresNothing()
    {
        var (body, messageId, userId) = Body();

        await AssertRefusedAsync("/api/channels/no-such-channel/messages", body, ConnectorClient.Sign(body, DateTimeOffset.UtcNow), HttpStatusCode.NotFound, messageId, userId);
    }

    [Fact]
    public async Task Receive_BodyOver64KB_Returns413AndStoresNothing()
    {
        var (messageId, userId) = InboundMessageTests.NewIds();
        var body = ConnectorClient.Json(new { messageId, from = new { id = userId }, text = new string('a', 70_000) });

        await AssertRefusedAsync(MessagesPath, body, ConnectorClient.Sign(body, DateTimeOffset.UtcNow), HttpStatusCode.RequestEntityTooLarge, messageId, userId);
    }

    [Fact]
    public async Task Receive_InvalidJson_Returns400NamingBody()
    {
        var body = ConnectorClient.Utf8("{ \"messageId\": ");

        var errors = await AssertInvalidAsync(body);

        Assert.True(errors.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Receive_MissingFields_Returns400NamingEach()
    {
        var errors = await AssertInvalidAsync(ConnectorClient.Json(new { from = new { name = "Ada" } }));

        Assert.True(errors.TryGetProperty("messageId", out _));
        Assert.True(errors.TryGetProperty("from.id", out _));
        Assert.True(errors.TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Receive_TooLongIdsAndText_Returns400NamingEach()
    {
        var errors = await AssertInvalidAsync(ConnectorClient.Json(new { messageId = new string('m', 257), from = new { id = new string('u', 257) }, text = new string('t', 4001) }));

        Assert.True(errors.TryGetProperty("messageId", out _));
        Assert.True(errors.TryGetProperty("from.id", out _));
        Assert.True(errors.TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Receive_BadAttachments_Returns400NamingEach()
    {
        var (messageId, userId) = InboundMessageTests.NewIds();
        var attachments = new[]
        {
            new { url = "ftp://files.example.test/a.png", contentType = "image/png" },
            new { url = "https://files.example.test/a.pdf", contentType = "application/pdf" },
        };

        var errors = await AssertInvalidAsync(ConnectorClient.Json(new { messageId, from = new { id = userId }, attachments }), messageId, userId);

        Assert.True(errors.TryGetProperty("attachments[0].url", out _));
        Assert.True(errors.TryGetProperty("attachments[1].contentType", out _));
    }

    [Fact]
    public async Task Receive_SixAttachments_Returns400NamingAttachments()
    {
        var (messageId, userId) = InboundMessageTests.NewIds();
        var attachments = Enumerable.Range(0, 6).Select(i => new { url = $"https://cdn.example.test/{i}.png", contentType = "image/png" });

        var errors = await AssertInvalidAsync(ConnectorClient.Json(new { messageId, from = new { id = userId }, attachments }), messageId, userId);

        Assert.True(errors.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task Receive_NulInTextOrSenderId_Returns400NamingEachAndStoresNothing()
    {
        var (messageId, userId) = InboundMessageTests.NewIds();

        var text = await AssertInvalidAsync(ConnectorClient.Json(new { messageId, from = new { id = userId }, text = "a\0b" }), messageId, userId);
        var sender = await AssertInvalidAsync(ConnectorClient.Json(new { messageId, from = new { id = userId + "\0" }, text = "hello" }), messageId, userId);

        Assert.True(text.TryGetProperty("text", out _), text.ToString());
        Assert.True(sender.TryGetProperty("from.id", out _), sender.ToString());
    }

    [Fact]
    public async Task Receive_MistypedField_Returns400NamingIt()
    {
        var (messageId, userId) = InboundMessageTests.NewIds();

        var errors = await AssertInvalidAsync(ConnectorClient.Utf8($"{{\"messageId\":\"{messageId}\",\"from\":{{\"id\":42}},\"text\":\"hi\"}}"), messageId, userId);

        Assert.True(errors.TryGetProperty("from.id", out _), errors.ToString());
    }

    private static (byte[] Body, string MessageId, string UserId) Body()
    {
        var (messageId, userId) = InboundMessageTests.NewIds();
        return (ConnectorClient.Json(new { messageId, from = new { id = userId }, text = "hello" }), messageId, userId);
    }

    private async Task<JsonElement> AssertInvalidAsync(byte[] body, string? messageId = null, string? userId = null)
    {
        using var client = fixture.Client();
        using var response = await client.PostRawAsync(MessagesPath, body, ConnectorClient.Sign(body, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (messageId is not null)
        {
            await AssertNothingStoredAsync(messageId, userId!);
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private async Task AssertRefusedAsync(string path, byte[] body, string? signature, HttpStatusCode expected, string messageId, string userId)
    {
        using var client = fixture.Client();

        using var response = await client.PostRawAsync(path, body, signature);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(messageId, userId);
    }

    private async Task AssertNothingStoredAsync(string messageId, string userId)
    {
        Assert.Null(await fixture.StoredAsync(messageId));
        Assert.Equal(0, await fixture.ConversationCountAsync(userId));
    }
}
