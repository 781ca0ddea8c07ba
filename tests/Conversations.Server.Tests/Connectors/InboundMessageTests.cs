using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Connectors;

namespace Conversations.Server.Tests.Connectors;

public sealed class InboundMessageTests(ConnectorFixture fixture) : IClassFixture<ConnectorFixture>
{
    [Fact]
    public async Task Receive_SignedMessage_StoresItAndAssistantAnswerReachesWebhookSigned()
    {
        using var client = fixture.Client();
        var (messageId, userId) = NewIds();

        using var response = await client.PostMessageAsync(new { messageId, from = new { id = userId, name = "Ada", locale = "en" }, text = "hello" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = answer.GetProperty("conversationId").GetString()!;
        Assert.False(answer.GetProperty("duplicate").GetBoolean());
        var stored = await fixture.StoredAsync(messageId);
        Assert.Equal((answer.GetProperty("messageId").GetString(), conversationId, "hello"), (stored?.Id, stored?.ConversationId, stored?.Text));

        var call = await fixture.Webhook.WaitForAsync(r => ConversationOf(r) == conversationId && AuthorKindOf(r) == "bot");
        Assert.True(ChannelSignature.Verify(ConnectorServer.Secret, call.Signature, call.Body, DateTimeOffset.UtcNow));
        Assert.False(ChannelSignature.Verify("another-secret", call.Signature, call.Body, DateTimeOffset.UtcNow));
        Assert.Equal("message", call.Json.GetProperty("type").GetString());
        Assert.Equal(userId, call.Json.GetProperty("to").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(call.DeliveryId));
        var message = call.Json.GetProperty("message");
        Assert.Equal(conversationId, message.GetProperty("conversationId").GetString());
        Assert.True(message.GetProperty("seq").GetInt64() > 0);
        Assert.DoesNotContain(fixture.Webhook.Received, r => ConversationOf(r) == conversationId && AuthorKindOf(r) == "customer");
    }

    [Fact]
    public async Task Receive_SameMessageIdTwice_AnswersDuplicateAndStoresOnce()
    {
        using var client = fixture.Client();
        var (messageId, userId) = NewIds();
        var body = new { messageId, from = new { id = userId }, text = "bonjour" };

        using var first = await client.PostMessageAsync(body);
        using var again = await client.PostMessageAsync(body);

        var one = await first.Content.ReadFromJsonAsync<JsonElement>();
        var two = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(two.GetProperty("duplicate").GetBoolean());
        Assert.Equal(one.GetProperty("messageId").GetString(), two.GetProperty("messageId").GetString());
        var conversationId = one.GetProperty("conversationId").GetString()!;
        Assert.Equal(conversationId, two.GetProperty("conversationId").GetString());
        var messages = await fixture.MessagesAsync(conversationId);
        Assert.Single(messages, m => m.Author.Kind == AuthorKind.Customer);
    }

    [Fact]
    public async Task Receive_ImageAttachments_StoresEachImage()
    {
        using var client = fixture.Client();
        var (messageId, userId) = NewIds();
        var attachments = new[]
        {
            new { url = "https://cdn.example.test/a.png", contentType = "image/png", name = "a.png" },
            new { url = "https://cdn.example.test/b.jpg", contentType = "image/jpeg", name = "b.jpg" },
        };

        using var response = await client.PostMessageAsync(new { messageId, from = new { id = userId }, text = "look", attachments });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = await fixture.StoredAsync(messageId);
        var second = await fixture.StoredAsync($"{messageId}#attachment-1");
        Assert.Equal((MessageKind.Image, "look", "https://cdn.example.test/a.png"), (first!.Kind, first.Text, first.Attachment!.Url));
        Assert.Equal("https://cdn.example.test/b.jpg", second!.Attachment!.Url);
    }

    [Fact]
    public async Task Status_ReadThenDelivered_StaysRead()
    {
        using var client = fixture.Client();
        var (messageId, userId) = NewIds();
        using var inbound = await client.PostMessageAsync(new { messageId, from = new { id = userId }, text = "hi" });
        var conversationId = (await inbound.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString();
        var call = await fixture.Webhook.WaitForAsync(r => ConversationOf(r) == conversationId);
        var outboundId = call.Json.GetProperty("message").GetProperty("id").GetString()!;

        using var read = await client.PostStatusAsync(outboundId, "read");
        using var delivered = await client.PostStatusAsync(outboundId, "delivered");
        using var failed = await client.PostStatusAsync(outboundId, "failed");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("read", await StatusOf(read));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("read", await StatusOf(delivered));
        Assert.Equal("read", await StatusOf(failed));
    }

    [Fact]
    public async Task Status_UnknownMessage_Returns404()
    {
        using var client = fixture.Client();

        using var response = await client.PostStatusAsync("no-such-message", "delivered");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Status_UnknownStatus_Returns400NamingStatus()
    {
        using var client = fixture.Client();

        using var response = await client.PostStatusAsync("any", "sent");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));
    }

    internal static (string MessageId, string UserId) NewIds() => ($"m-{Guid.NewGuid():N}", $"u-{Guid.NewGuid():N}");

    private static string? ConversationOf(ReceivedWebhook call) => call.Json.GetProperty("conversationId").GetString();

    private static string? AuthorKindOf(ReceivedWebhook call) => call.Json.GetProperty("message").GetProperty("author").GetProperty("kind").GetString();

    private static async Task<string?> StatusOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
}
