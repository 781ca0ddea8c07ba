namespace Conversations.Server.Network;

/// <summary>The <c>Network</c> configuration section: the reverse proxies whose forwarded headers count.</summary>
public sealed class NetworkOptions
{
    /// <summary>Addresses of trusted proxies (e.g. <c>127.0.0.1</c> for one on the same host).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (e.g. <c>10.0.0.0/8</c>).</summary>
    public IList<string> KnownNetworks { get; } = [];
}
