using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Health;

/// <summary>Degraded (never unhealthy) while the Connector or Graph failed within the last few minutes; see <see cref="DependencyOutcomes"/>.</summary>
internal sealed class DependencyHealthCheck(DependencyOutcomes outcomes, string dependency) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (failures, lastSuccess) = outcomes.Read(dependency);
        var since = lastSuccess is { } at ? at.ToString("O", CultureInfo.InvariantCulture) : "never since start";
        return Task.FromResult(failures == 0
            ? HealthCheckResult.Healthy($"No failed {dependency} calls in the last {DependencyOutcomes.Window.TotalMinutes:0} minutes.")
            : HealthCheckResult.Degraded($"{failures} failed {dependency} calls in the last {DependencyOutcomes.Window.TotalMinutes:0} minutes; last success: {since}."));
    }
}
