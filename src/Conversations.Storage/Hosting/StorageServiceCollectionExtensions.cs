using Conversations.Grains.Persistence;
using Conversations.Storage.Analytics;
using Conversations.Storage.Index;
using Conversations.Storage.Messages;
using Conversations.Storage.Migrations;
using Conversations.Storage.Reminders;
using Conversations.Storage.Sql;
using Conversations.Storage.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Providers;
using Orleans.Storage;

namespace Conversations.Storage.Hosting;

/// <summary>Registers SQL storage, including Orleans' default grain storage and reminder table. Call it before
/// <c>UseOrleans</c>: the migrating hosted service must start before the silo.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds grain storage, reminders, message log, conversation index and analytics sink for
    /// <c>Storage:Provider</c> (Sqlite by default, or Postgres) and <c>ConnectionStrings:Conversations</c>.</summary>
    public static IServiceCollection AddConversationsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddConversationsStorage(ReadOptions(configuration));
    }

    /// <summary>Adds storage with explicit options.</summary>
    public static IServiceCollection AddConversationsStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => SqlDatabase.Create(options));
        services.AddSingleton<StorageMigrator>();
        services.TryAddSingleton<GrainStateSerializer>();
        services.AddSingleton<SqlGrainStorage>();
        // The default grain storage, as Orleans looks it up: unnamed for [PersistentState] without a storage
        // name, and under "Default" for everything that asks by name.
        services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<SqlGrainStorage>());
        services.AddKeyedSingleton<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) => sp.GetRequiredService<SqlGrainStorage>());
        services.AddSingleton<SqlReminderTable>();
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<SqlReminderTable>());
        services.AddSingleton<SqlMessageLog>();
        services.AddSingleton<IMessageLog>(sp => sp.GetRequiredService<SqlMessageLog>());
        services.AddSingleton<SqlConversationIndex>();
        services.AddSingleton<IConversationIndex>(sp => sp.GetRequiredService<SqlConversationIndex>());
        services.AddSingleton<SqlAnalyticsSink>();
        services.AddSingleton<IAnalyticsSink>(sp => sp.GetRequiredService<SqlAnalyticsSink>());
        services.AddHostedService<StorageHostedService>();
        services.AddHostedService<SqliteCheckpointService>();
        return services;
    }

    /// <summary>Applies pending migrations now, for tools and tests that run without the host.</summary>
    public static Task MigrateConversationsStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<StorageMigrator>().MigrateAsync(cancellationToken);

    /// <summary>Reads the options from configuration.</summary>
    public static StorageOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new StorageOptions();
        if (configuration["Storage:Provider"] is { Length: > 0 } provider)
        {
            options.Provider = Enum.Parse<StorageProvider>(provider, ignoreCase: true);
        }

        var connectionString = configuration.GetConnectionString("Conversations");
        options.ConnectionString = connectionString is { Length: > 0 } ? connectionString
            : options.Provider == StorageProvider.Sqlite ? StorageOptions.DefaultSqliteConnectionString
            : throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Conversations is not set.");
        if (configuration["Storage:SqliteSynchronous"] is { Length: > 0 } synchronous)
        {
            options.SqliteSynchronous = synchronous;
        }

        return options;
    }
}
