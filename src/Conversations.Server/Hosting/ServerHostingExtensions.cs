using Conversations.Contracts;
using Conversations.Server.Abuse;
using Conversations.Server.Api;
using Conversations.Server.Assistants;
using Conversations.Server.Auth;
using Conversations.Server.Connectors;
using Conversations.Server.Errors;
using Conversations.Server.Events;
using Conversations.Server.Health;
using Conversations.Server.Hubs;
using Conversations.Server.Network;
using Conversations.Server.Notifications;
using Conversations.Server.Observability;
using Conversations.Server.Security;
using Conversations.Server.Seed;
using Conversations.Server.Text;
using Conversations.Server.WebApps;
using Conversations.Storage.Hosting;
using Conversations.Storage.Sql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
namespace Conversations.Server.Hosting;

/// <summary>Wires the edge silo host: storage, the silo with the conversation grains, the event fan-out,
/// auth, errors, seed and health probes.</summary>
public static class ServerHostingExtensions
{
    /// <summary>Adds the silo and everything the edge needs around it.</summary>
    public static WebApplicationBuilder AddConversationsServer(this WebApplicationBuilder builder)
    {
        var dataDirectory = builder.EnsureDataDirectory();

        // Storage before the silo: its hosted service migrates before the silo starts and drains the
        // group-commit writers after the silo stopped.
        builder.Services.AddConversationsStorage(StorageOptionsFor(builder.Configuration, dataDirectory));
        builder.Services.AddSingleton<IConversationEventSink, EventFanOut>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAssistants();
        builder.AddConversationsSilo();

        builder.Services.AddDataProtection()
            .SetApplicationName("Conversations")
            .PersistKeysToConversationsDatabase();
        builder.AddConversationsForwardedHeaders();
        builder.AddConversationsAuth();
        builder.Services.AddConversationsErrors();
        builder.AddDemoSeed();
        builder.Services.AddHealthProbes();
        builder.Services.AddConversationsHubs();
        builder.Services.AddAbuseBudgets();
        builder.Services.AddConversationsApi();
        builder.Services.AddChannelConnectors();
        builder.Services.AddNotificationMail(builder.Configuration, dataDirectory);
        builder.AddConversationsObservability();
        return builder;
    }

    /// <summary>Maps the edge's endpoints.</summary>
    public static WebApplication MapConversationsServer(this WebApplication app)
    {
        app.UseConversationsForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebApps();
        app.UseMiddleware<QueryTextMiddleware>();
        app.UseConversationsAuth();
        app.MapHealthProbes();
        app.MapAuthEndpoints();
        app.MapConversationsHubs();
        app.MapConversationsApi();
        app.MapChannelConnectors();
        app.MapAdminDashboard();
        app.MapWebApps();
        return app;
    }

    /// <summary>Creates the data folder (<c>Storage:DataDirectory</c>, default <c>data</c>, relative to
    /// the content root) up front, so the embedded SQLite database and the keys can live in it.</summary>
    private static string EnsureDataDirectory(this WebApplicationBuilder builder)
    {
        var directory = builder.Configuration["Storage:DataDirectory"] is { Length: > 0 } configured ? configured : "data";
        var path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, directory));
        Directory.CreateDirectory(path);
        return path;
    }

    // A relative SQLite file is placed in the data folder, whatever the process's working directory.
    private static Storage.StorageOptions StorageOptionsFor(IConfiguration configuration, string dataDirectory)
    {
        var options = StorageServiceCollectionExtensions.ReadOptions(configuration);
        if (options.Provider == StorageProvider.Sqlite)
        {
            var connection = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (!Path.IsPathRooted(connection.DataSource) && connection.DataSource != ":memory:")
            {
                connection.DataSource = Path.Combine(dataDirectory, Path.GetFileName(connection.DataSource));
            }

            options.ConnectionString = connection.ToString();
        }

        return options;
    }
}
