using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Actors.Testing;

/// <summary>Configures a <see cref="TestSilo"/>: grain assemblies, services grains need, options.</summary>
public sealed class TestSiloBuilder
{
    internal List<Assembly> Assemblies { get; } = [];

    internal List<Action<IServiceCollection>> ServiceActions { get; } = [];

    internal List<Action<SiloOptions>> OptionActions { get; } = [];

    /// <summary>Adds the grain classes of an assembly.</summary>
    public TestSiloBuilder AddGrains(Assembly assembly)
    {
        Assemblies.Add(assembly);
        return this;
    }

    /// <summary>Adds the grain classes of the assembly that holds <typeparamref name="TMarker"/>.</summary>
    public TestSiloBuilder AddGrains<TMarker>() => AddGrains(typeof(TMarker).Assembly);

    /// <summary>Registers services the grains depend on (run again on every restart).</summary>
    public TestSiloBuilder ConfigureServices(Action<IServiceCollection> configure)
    {
        ServiceActions.Add(configure);
        return this;
    }

    /// <summary>Changes silo options.</summary>
    public TestSiloBuilder Configure(Action<SiloOptions> configure)
    {
        OptionActions.Add(configure);
        return this;
    }
}
