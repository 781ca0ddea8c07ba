using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Conversations.Server.Network;

/// <summary>Honours <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> only from the proxies named in
/// <c>Network:KnownProxies</c> / <c>Network:KnownNetworks</c>: none by default (ASP.NET Core would trust
/// loopback). Behind a configured proxy, client addresses (sign-in budgets) and the scheme (Secure
/// cookies, same-origin checks) are the original request's; from anyone else the headers are ignored, so a
/// client cannot pick its own address.</summary>
public static class ForwardedHeadersSetup
{
    public static WebApplicationBuilder AddConversationsForwardedHeaders(this WebApplicationBuilder builder)
    {
        var network = new NetworkOptions();
        builder.Configuration.GetSection("Network").Bind(network);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The middleware trusts every sender when both lists are empty, so no proxy configured means
            // no header honoured at all.
            options.ForwardedHeaders = network.KnownProxies.Count + network.KnownNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in network.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Network:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var range in network.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(range, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Network:KnownNetworks: '{range}' is not a CIDR network such as 10.0.0.0/8."));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after sees the original request.</summary>
    public static WebApplication UseConversationsForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
