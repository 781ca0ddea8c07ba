using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Conversations.Server.Connectors;

namespace Conversations.Server.Tests.Connectors;

/// <summary>Posts to the connector routes the way a provider does, signing the raw body unless told otherwise.</summary>
public sealed class ConnectorClient(HttpClient http) : IDisposable
{
    public Task<HttpResponseMessage> PostMessageAsync(object body, string channelId = ConnectorServer.ChannelId) =>
        PostRawAsync($"/api/channels/{channelId}/messages", Json(body), Sign(Json(body), DateTimeOffset.UtcNow));

    public Task<HttpResponseMessage> PostStatusAsync(string messageId, string status) =>
        PostRawAsync($"/api/channels/{ConnectorServer.ChannelId}/status", Json(new { messageId, status }), Sign(Json(new { messageId, status }), DateTimeOffset.UtcNow));

    public async Task<HttpResponseMessage> PostRawAsync(string path, byte[] body, string? signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(ChannelSignature.HeaderName, signature);
        }

        return await http.SendAsync(request);
    }

    public static byte[] Json(object body) => JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);

    public static string Sign(byte[] body, DateTimeOffset at, string secret = ConnectorServer.Secret) => ChannelSignature.Sign(secret, body, at);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public void Dispose() => http.Dispose();
}
