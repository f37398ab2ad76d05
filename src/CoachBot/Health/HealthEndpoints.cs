using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Health;

/// <summary>
/// Two probes. Liveness (<c>/healthz/live</c>) runs no check: it answers 200 while the process serves requests, so
/// the platform recycles only a wedged instance, never a healthy one during a storage outage. Readiness
/// (<c>/healthz/ready</c>, and <c>/healthz</c> as before) is 503 while Table storage does not answer and reports
/// Connector and Graph failures as "Degraded" with 200: no instance can fix those by being replaced.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string LegacyPath = "/healthz";
    private const string Ready = "ready";

    public static IServiceCollection AddCoachBotHealth(this IServiceCollection services)
    {
        services.AddSingleton<DependencyOutcomes>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [Ready])
            .Add(Dependency(DependencyOutcomes.Connector))
            .Add(Dependency(DependencyOutcomes.Graph));
        return services;
    }

    public static void MapCoachBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        app.MapHealthChecks(ReadyPath, ready);
        app.MapHealthChecks(LegacyPath, ready);
    }

    private static HealthCheckRegistration Dependency(string name) =>
        new(name, sp => new DependencyHealthCheck(sp.GetRequiredService<DependencyOutcomes>(), name), HealthStatus.Degraded, [Ready]);

    /// <summary>Overall status and each check's status and description (descriptions never hold exception text or ids).</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body), http.RequestAborted);
    }
}
