using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversations.Benchmarks.E2e;

/// <summary>Hosts <see cref="RelayHub"/> on Kestrel at 127.0.0.1 on a free port, in the benchmark's process.</summary>
public sealed class RelayServer : IAsyncDisposable
{
    public const string HubPath = "/hubs/relay";

    private readonly WebApplication _app;

    private RelayServer(WebApplication app, Uri hubUrl)
    {
        _app = app;
        HubUrl = hubUrl;
    }

    /// <summary>The hub's address, for <c>HubClient.ConnectAsync</c>.</summary>
    public Uri HubUrl { get; }

    public static async Task<RelayServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Logging per connection or message would measure the console, not the relay.
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<RelayHub>(HubPath);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RelayServer(app, new Uri(address + HubPath));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
