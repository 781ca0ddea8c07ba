using System.Net;
using System.Text.Json;
using Conversations.Server.Hubs.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversations.Testing.Tests.SignalR;

/// <summary>Hosts <see cref="EchoHub"/> (JSON and MessagePack, as our hubs) on Kestrel at 127.0.0.1 on a free port, shared by the tests of a class.</summary>
public sealed class EchoServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri HubUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR(options => options.EnableDetailedErrors = false)
            .AddJsonProtocol()
            .AddMessagePackProtocol(options => options.SerializerOptions = JsonMessagePackResolver.SerializerOptions(JsonSerializerOptions.Web));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.MapHub<EchoHub>("/hubs/echo");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        HubUrl = new Uri(address + "/hubs/echo");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
