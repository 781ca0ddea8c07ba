using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Actors;

/// <summary>Everything an activation reaches: options, clock, catalog, transport, reminders, services.</summary>
internal sealed class SiloRuntime : IDisposable
{
    public SiloRuntime(IServiceProvider services, IOptions<SiloOptions> options, IOptions<GrainAssemblyOptions> assemblies, TimeProvider time, ILogger<Silo> logger)
    {
        Services = services;
        Options = options.Value;
        Time = time;
        Logger = logger;
        Manifest = new GrainTypeManifest(assemblies.Value.Assemblies);
        Catalog = new Catalog(this);
        Transport = new LocalGrainTransport(Catalog);
        GrainFactory = new GrainFactory(this);
        Metrics = new ActorMetrics(() => Catalog.Activations);
        Reminders = new ReminderService(this, services.GetRequiredService<IReminderTable>());
    }

    public IServiceProvider Services { get; }

    public SiloOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public GrainTypeManifest Manifest { get; }

    public Catalog Catalog { get; }

    public IGrainTransport Transport { get; }

    public IGrainFactory GrainFactory { get; }

    public ActorMetrics Metrics { get; }

    public ReminderService Reminders { get; }

    public void Dispose()
    {
        Reminders.Dispose();
        Catalog.Dispose();
        Metrics.Dispose();
    }
}
