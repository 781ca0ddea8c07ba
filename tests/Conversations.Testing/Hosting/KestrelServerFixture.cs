using System.Net;
using Conversations.Testing.SignalR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Testing.Hosting;

/// <summary>Runs an application's real entry point on Kestrel at 127.0.0.1 on a free port, so that
/// WebSockets, cookies and load behave as in production (TestServer has no sockets).</summary>
/// <typeparam name="TEntryPoint">A type in the application's assembly, usually its <c>Program</c>.</typeparam>
public class KestrelServerFixture<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private Uri? _baseAddress;

    public KestrelServerFixture() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Configuration given to the application before its <c>Program</c> runs (host settings,
    /// so they are visible to code that reads configuration while building the app).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>; starts the server on first use.</summary>
    public Uri BaseAddress => _baseAddress ??= Start();

    /// <summary>An HTTP client for the real server; pass a container to keep cookies (sign-in) and share them with hubs.</summary>
    public HttpClient CreateHttpClient(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>Connects a hub client to <paramref name="hubPath"/> (e.g. <c>/hubs/widget</c>).</summary>
    public Task<HubClient> ConnectHubAsync(string hubPath, HubClientOptions? options = null, CancellationToken cancellationToken = default) =>
        HubClient.ConnectAsync(new Uri(BaseAddress, hubPath), options, cancellationToken);

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }
}
