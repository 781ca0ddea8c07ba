using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Actors;

/// <summary>Configures a silo: grain assemblies, options, storage and reminder providers.</summary>
public sealed class SiloBuilder
{
    internal SiloBuilder(IServiceCollection services) => Services = services;

    /// <summary>The host's services, for grain dependencies.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds the grain classes of an assembly.</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        Services.Configure<GrainAssemblyOptions>(o => o.Assemblies.Add(assembly));
        return this;
    }

    /// <summary>Adds the grain classes of the assembly that holds <typeparamref name="TMarker"/>.</summary>
    public SiloBuilder AddGrains<TMarker>() => AddGrains(typeof(TMarker).Assembly);

    /// <summary>Changes silo options.</summary>
    public SiloBuilder Configure(Action<SiloOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Makes <typeparamref name="TStorage"/> the default grain storage.</summary>
    public SiloBuilder UseGrainStorage<TStorage>()
        where TStorage : class, IGrainStorage
    {
        Services.Replace(ServiceDescriptor.Singleton<IGrainStorage, TStorage>());
        return this;
    }

    /// <summary>Makes <typeparamref name="TTable"/> the reminder table.</summary>
    public SiloBuilder UseReminderTable<TTable>()
        where TTable : class, IReminderTable
    {
        Services.Replace(ServiceDescriptor.Singleton<IReminderTable, TTable>());
        return this;
    }
}
