using Azure.Monitor.OpenTelemetry.Exporter;
using CoachBot.Teams.Connector;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoachBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry: ASP.NET Core and HttpClient instrumentation, CoachBot's own
    /// meters, and every ILogger record the configured log levels let through. Exported to OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set and to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is
    /// (signed in with the managed identity of APPLICATIONINSIGHTS_AUTHENTICATION_STRING when set);
    /// with neither, nothing leaves the process. URLs on spans and in log records are redacted
    /// (<see cref="UrlRedactor"/>) before any exporter runs; logs are exported as template plus attributes, without
    /// scopes and without the formatted message.
    /// </summary>
    public static IServiceCollection AddCoachBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var appInsights = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        // With the component's local auth off (the Bicep's default) only Entra-authenticated telemetry is accepted.
        var credential = AppInsightsCredential.From(configuration[AppInsightsCredential.SettingName]);
        void AzureMonitor(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = appInsights;
            if (credential is not null) o.Credential = credential;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(CoachBotTelemetry.Name))
            .WithTracing(t =>
            {
                // The redaction processor comes first, so no exporter (added below, or by a test) sees a URL with ids in it.
                t.AddSource(CoachBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddProcessor(new UrlRedactionProcessor());
                if (otlp) t.AddOtlpExporter();
                if (!string.IsNullOrWhiteSpace(appInsights)) t.AddAzureMonitorTraceExporter(AzureMonitor);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(CoachBotTelemetry.Name, ConnectorMetrics.MeterName, CoachBot.Graph.GraphMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp) m.AddOtlpExporter();
                if (!string.IsNullOrWhiteSpace(appInsights)) m.AddAzureMonitorMetricExporter(AzureMonitor);
            })
            .WithLogging(l =>
            {
                l.AddProcessor(new LogRedactionProcessor());
                if (otlp) l.AddOtlpExporter();
                if (!string.IsNullOrWhiteSpace(appInsights)) l.AddAzureMonitorLogExporter(AzureMonitor);
            }, o =>
            {
                // Scopes carry request paths and ids (ASP.NET Core's hosting scope); the template is enough to search by.
                o.IncludeScopes = false;
                o.IncludeFormattedMessage = false;
            });
        return services;
    }
}
