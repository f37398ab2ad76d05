using CoachBot.Storage.Turns;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Health;

/// <summary>Healthy when the table service answers within a short budget; readiness (/healthz/ready, /healthz) turns this into 200 or 503.</summary>
internal sealed class StorageHealthCheck(CoachingStore store) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Budget);
        try
        {
            await store.PingAsync(cts.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Table storage answers.");
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
        {
            // The exception text can carry the account URL, never the key; keep only its type.
            return HealthCheckResult.Unhealthy($"Table storage unreachable ({ex.GetType().Name}).");
        }
    }
}
