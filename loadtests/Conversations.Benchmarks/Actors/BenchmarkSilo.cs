using Conversations.Actors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.Benchmarks;

/// <summary>A real silo (system clock, default options) holding the benchmark grains.</summary>
public sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Silo _silo;

    private BenchmarkSilo(ServiceProvider services)
    {
        _services = services;
        _silo = services.GetRequiredService<Silo>();
    }

    public IGrainFactory GrainFactory => _silo.GrainFactory;

    public static async Task<BenchmarkSilo> StartAsync()
    {
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSilo(silo => silo.AddGrains<PingGrain>())
            .BuildServiceProvider();
        var silo = new BenchmarkSilo(services);
        await silo._silo.StartAsync(CancellationToken.None);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
