namespace Conversations.Server.Security;

/// <summary>Wires <see cref="CrossSiteRequestGuard"/> and its <c>Console:AllowedOrigins</c> setting.</summary>
public static class CrossSiteRequestGuardExtensions
{
    public static WebApplicationBuilder AddCrossSiteRequestGuard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOriginOptions>().BindConfiguration("Console");
        builder.Services.AddSingleton<CrossSiteRequestGuard>();
        return builder;
    }

    public static WebApplication UseCrossSiteRequestGuard(this WebApplication app)
    {
        app.UseMiddleware<CrossSiteRequestGuard>();
        return app;
    }
}
