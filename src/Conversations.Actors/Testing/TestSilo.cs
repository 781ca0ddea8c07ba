using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.Actors.Testing;

/// <summary>An in-memory silo for grain tests (our OrleansTestKit): in-memory storage and reminder
/// table, a manual clock, and a restart that keeps storage, reminders and clock, as a process
/// restart over a database would.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly TestSiloBuilder _builder;
    private ServiceProvider _services;
    private Silo _silo;

    private TestSilo(TestSiloBuilder builder, ManualTimeProvider clock, MemoryReminderTable reminders)
    {
        _builder = builder;
        Clock = clock;
        Reminders = reminders;
        (_services, _silo) = Build();
        Storage = (MemoryGrainStorage)_services.GetRequiredService<IGrainStorage>();
    }

    /// <summary>The silo clock; advance it with <see cref="AdvanceTimeAsync"/>.</summary>
    public ManualTimeProvider Clock { get; }

    /// <summary>The grain storage, kept across restarts.</summary>
    public MemoryGrainStorage Storage { get; private set; }

    /// <summary>The reminder table, kept across restarts.</summary>
    public MemoryReminderTable Reminders { get; }

    /// <summary>The grain factory of the running silo.</summary>
    public IGrainFactory GrainFactory => _silo.GrainFactory;

    /// <summary>The running silo's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Live activations.</summary>
    public int ActivationCount => _silo.ActivationCount;

    /// <summary>Builds and starts a test silo.</summary>
    public static async Task<TestSilo> StartAsync(Action<TestSiloBuilder> configure)
    {
        var builder = new TestSiloBuilder();
        configure(builder);
        var silo = new TestSilo(builder, new ManualTimeProvider(), new MemoryReminderTable());
        await silo._silo.StartAsync(CancellationToken.None);
        return silo;
    }

    /// <summary>A grain reference.</summary>
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey => GrainFactory.GetGrain<TGrainInterface>(key);

    /// <summary>Advances the clock timer by timer: each due timer or reminder fires at its own time and
    /// the silo goes quiet before the clock moves on, so the work a tick starts is not aged by the rest
    /// of the jump (a single jump would make a reminder's own call look older than the response timeout).</summary>
    public async Task AdvanceTimeAsync(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var target = Clock.GetUtcNow() + delta;
        while (Clock.AdvanceToNextDue(target))
        {
            await WaitForIdleAsync();
        }

        await WaitForIdleAsync();
    }

    /// <summary>Waits until no activation has work queued, running or scheduled.</summary>
    public async Task WaitForIdleAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        var quietChecks = 0;
        while (quietChecks < 3)
        {
            if (DateTime.UtcNow > deadline)
            {
                var busy = string.Join(", ", _silo.Runtime.Catalog.Activations.Where(a => !a.IsQuiescent).Select(a => $"{a.GrainId} ({a.PendingRequests} pending)"));
                throw new TimeoutException($"The test silo did not go idle in time; busy: {busy}.");
            }

            quietChecks = _silo.Runtime.Catalog.Activations.All(a => a.IsQuiescent) ? quietChecks + 1 : 0;
            await Task.Delay(1);
        }
    }

    /// <summary>Stops the silo and starts a new one over the same storage, reminders and clock; the clock
    /// moves on by <paramref name="downtime"/> while no silo runs, so nothing fires meanwhile.</summary>
    public async Task RestartAsync(TimeSpan downtime = default)
    {
        await _silo.StopAsync(CancellationToken.None);
        _silo.Dispose();
        Clock.Advance(downtime);
        var storage = Storage;
        await _services.DisposeAsync();
        (_services, _silo) = Build(storage);
        Storage = storage;
        await _silo.StartAsync(CancellationToken.None);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _silo.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    private (ServiceProvider Services, Silo Silo) Build(MemoryGrainStorage? storage = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IReminderTable>(Reminders);
        if (storage is not null)
        {
            services.AddSingleton<IGrainStorage>(storage);
        }

        services.AddSilo(silo =>
        {
            silo.Configure(o => o.CopyCallsThroughJson = true);
            foreach (var assembly in _builder.Assemblies)
            {
                silo.AddGrains(assembly);
            }

            foreach (var configure in _builder.OptionActions)
            {
                silo.Configure(configure);
            }
        });
        foreach (var configure in _builder.ServiceActions)
        {
            configure(services);
        }

        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<Silo>());
    }
}
