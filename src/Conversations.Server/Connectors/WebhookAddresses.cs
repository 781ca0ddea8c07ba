using System.Net;
using System.Net.Sockets;

namespace Conversations.Server.Connectors;

/// <summary>Where webhooks may go. A workspace admin chooses the URL, so without this check a webhook is a
/// blind request forgery into the server's own network (loopback, private ranges, link-local cloud metadata
/// endpoints). Checked at save time for literal addresses and at connect time, after DNS resolution, for every
/// name; <c>Connectors:Outbound:AllowPrivateNetworks</c> lifts it for development.</summary>
public static class WebhookAddresses
{
    /// <summary>Whether <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224 // "this" network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128) // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19));
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            || (bytes[0] == 0 && bytes.AsSpan(1, 9).IndexOfAnyExcept((byte)0) < 0)); // ::/80 holds ::, ::1 and the IPv4-compatible forms
    }

    /// <summary>Why a webhook URL cannot be saved, or null. Only literal hosts can be judged before sending.</summary>
    public static string? Refusal(string url, bool allowPrivateNetworks)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (allowPrivateNetworks || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.IdnHost.TrimStart('[').TrimEnd(']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "webhookUrl must not point at this machine (localhost).";
        }

        return IPAddress.TryParse(host, out var address) && !IsPublic(address)
            ? "webhookUrl must not point at a loopback, private, link-local, unspecified or multicast address."
            : null;
    }

    /// <summary>The connect step of the webhook client: resolves the host and connects only to public
    /// addresses (unless allowed), so a name that resolves, or is later re-pointed, to an internal address
    /// is refused as well.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host.TrimStart('[').TrimEnd(']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = allowPrivateNetworks ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"The webhook host '{endpoint.Host}' resolves to no public address; private networks are not allowed (Connectors:Outbound:AllowPrivateNetworks).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
