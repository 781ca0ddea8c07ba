namespace Conversations.Server.Seed;

/// <summary>Registers the demo seed (after the silo, so it runs once the silo is up).</summary>
public static class SeedExtensions
{
    public static WebApplicationBuilder AddDemoSeed(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DemoSeedOptions>(builder.Configuration.GetSection("Seed"));
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHostedService<DemoAssistantSeeder>();
        return builder;
    }
}
