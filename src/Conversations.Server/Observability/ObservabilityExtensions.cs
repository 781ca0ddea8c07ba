using Conversations.Server.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Conversations.Server.Observability;

/// <summary>OpenTelemetry metrics and traces: ASP.NET Core (SignalR's connections and hub invocations
/// included), outgoing HTTP (connector webhooks), Npgsql, Orleans and our own <see cref="ConversationsMetrics"/>.
/// Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard OTEL_* variables
/// configure the rest); otherwise nothing listens and the instruments cost next to nothing.</summary>
public static class ObservabilityExtensions
{
    public const string ServiceName = "conversations";

    /// <summary>Meters listened to besides the ASP.NET Core and HTTP client instrumentation's own.</summary>
    public static readonly string[] Meters = [ConversationsMetrics.MeterName, "Microsoft.Orleans", "Npgsql"];

    /// <summary>Activity sources listened to besides the ASP.NET Core and HTTP client instrumentation's own.</summary>
    public static readonly string[] Sources = ["Microsoft.AspNetCore.SignalR.Server", "Npgsql", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddConversationsObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<ConversationsMetrics>();
        builder.Services.AddSingleton<IConversationEventHandler, MetricsEventHandler>();
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(Meters))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(Sources))
            .UseOtlpExporter();
        return builder;
    }
}
