using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversations.Benchmarks.E2e;

/// <summary>Hosts <see cref="RelayHub"/> on Kestrel in a process of its own (this program run as
/// <c>relay-server --urls …</c>), as the real server runs in its own.</summary>
public static class RelayServer
{
    public const string Scenario = "relay-server";

    public const string HubPath = "/hubs/relay";

    public const string ReadyPath = "/ready";

    /// <summary>Serves until killed, or until the parent closes this process's standard input.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // Logging per connection or message would measure the console, not the relay.
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<RelayHub>(HubPath);
        app.MapGet(ReadyPath, () => HttpStatusCode.OK);
        await app.StartAsync();
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }
}
