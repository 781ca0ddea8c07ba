using Conversations.Actors;
using Conversations.Server.Health;

namespace Conversations.Server.Hosting;

/// <summary>Wires the edge silo host: the silo, its data folder and the health probes.</summary>
public static class ServerHostingExtensions
{
    /// <summary>Adds the silo and everything the edge needs around it.</summary>
    public static WebApplicationBuilder AddConversationsServer(this WebApplicationBuilder builder)
    {
        builder.EnsureDataDirectory();
        // No grain assemblies yet: the silo runs so that readiness reflects it, grains come with Conversations.Grains.
        builder.Services.AddSilo(_ => { });
        builder.Services.AddHealthProbes();
        return builder;
    }

    /// <summary>Creates the data folder (<c>Storage:DataDirectory</c>, default <c>data</c>, relative to
    /// the content root) up front, so the embedded SQLite database can be created in it.</summary>
    private static void EnsureDataDirectory(this WebApplicationBuilder builder)
    {
        var directory = builder.Configuration["Storage:DataDirectory"] is { Length: > 0 } configured ? configured : "data";
        Directory.CreateDirectory(Path.Combine(builder.Environment.ContentRootPath, directory));
    }
}
