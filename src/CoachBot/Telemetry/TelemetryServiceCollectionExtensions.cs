using Azure.Monitor.OpenTelemetry.Exporter;
using CoachBot.Teams.Connector;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoachBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces and metrics through OpenTelemetry: ASP.NET Core and HttpClient instrumentation plus CoachBot's own meters.
    /// Exported to OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set and to Application Insights when
    /// APPLICATIONINSIGHTS_CONNECTION_STRING is; with neither, nothing leaves the process. URLs on spans are redacted
    /// (<see cref="UrlRedactor"/>) before any exporter runs.
    /// </summary>
    public static IServiceCollection AddCoachBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var appInsights = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(CoachBotTelemetry.Name))
            .WithTracing(t =>
            {
                // The redaction processor comes first, so no exporter (added below, or by a test) sees a URL with ids in it.
                t.AddSource(CoachBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddProcessor(new UrlRedactionProcessor());
                if (otlp) t.AddOtlpExporter();
                if (!string.IsNullOrWhiteSpace(appInsights)) t.AddAzureMonitorTraceExporter(o => o.ConnectionString = appInsights);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(CoachBotTelemetry.Name, ConnectorMetrics.MeterName, CoachBot.Graph.GraphMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp) m.AddOtlpExporter();
                if (!string.IsNullOrWhiteSpace(appInsights)) m.AddAzureMonitorMetricExporter(o => o.ConnectionString = appInsights);
            });
        return services;
    }
}
