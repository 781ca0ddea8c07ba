using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Actors;

/// <summary>Adds a silo to a generic or ASP.NET Core host.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>Adds the silo, its grain factory and default in-memory providers (replaced with
    /// <see cref="SiloBuilder.UseGrainStorage{TStorage}"/> and <see cref="SiloBuilder.UseReminderTable{TTable}"/>).</summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SiloOptions>();
        services.AddOptions<GrainAssemblyOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GrainStateSerializer(sp.GetRequiredService<IOptions<SiloOptions>>().Value.JsonSerializerOptions));
        services.TryAddSingleton<IGrainStorage, MemoryGrainStorage>();
        services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
        services.TryAddSingleton<SiloRuntime>();
        services.TryAddSingleton(sp => new Silo(sp.GetRequiredService<SiloRuntime>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<SiloRuntime>().GrainFactory);
        services.AddHostedService(sp => sp.GetRequiredService<Silo>());
        configure(new SiloBuilder(services));
        return services;
    }
}
