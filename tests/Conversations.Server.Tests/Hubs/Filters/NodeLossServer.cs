using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Hubs.Filters;

/// <summary>The real server whose grain calls from the edge can lose their answer with a silo (<see cref="Injector"/>).</summary>
public sealed class NodeLossServer : ServerFixture
{
    public NodeLossInjector Injector { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IOutgoingGrainCallFilter>(Injector));
    }
}
