using Conversations.Contracts;

namespace Conversations.Server.Connectors;

/// <summary>A connector request whose channel exists and whose raw body carries a valid signature, or the
/// refusal to answer instead (404 unknown channel, 413 body too large, 401 bad signature).</summary>
public sealed record SignedChannelRequest(ChannelRoute? Route, byte[] Body, IResult? Refusal)
{
    /// <summary>The largest body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Checks the channel, reads the body (never more than the limit) and verifies its signature.</summary>
    public static async Task<SignedChannelRequest> ReadAsync(HttpContext http, string channelId, IGrainFactory grains, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(clock);
        if (await grains.GetGrain<IChannelGrain>(channelId).GetAsync() is not { } route)
        {
            return Refuse(ConnectorProblems.UnknownChannel(channelId));
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return Refuse(ConnectorProblems.TooLarge(MaxBodyBytes));
        }

        // A channel without a secret accepts nothing: an empty HMAC key would let anyone sign.
        var header = http.Request.Headers[ChannelSignature.HeaderName].ToString();
        return route.Channel.Secret.Length > 0 && ChannelSignature.Verify(route.Channel.Secret, header, body, clock.GetUtcNow())
            ? new SignedChannelRequest(route, body, null)
            : Refuse(ConnectorProblems.BadSignature());
    }

    private static SignedChannelRequest Refuse(IResult refusal) => new(null, [], refusal);

    // The signature covers the exact bytes sent, so the body is read raw, before any JSON parsing.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)(request.ContentLength ?? 4096));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
