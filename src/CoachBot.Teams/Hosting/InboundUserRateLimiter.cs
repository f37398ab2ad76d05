using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Bounds how many activities one user (per tenant) can make the bot process, so a runaway client or a scripted
/// sender cannot exhaust storage or the Connector budget for everyone else. Checked after authentication.
/// </summary>
public sealed class InboundUserRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public InboundUserRateLimiter(IOptions<BotOptions> options)
    {
        var perMinute = options.Value.MaxActivitiesPerUserPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(user => perMinute <= 0
            ? RateLimitPartition.GetNoLimiter(user)
            : RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = Math.Max(1, perMinute / 6),
                ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>True when this user may send one more activity now.</summary>
    public bool TryAcquire(string? tenantId, string? userId)
    {
        using var lease = _limiter.AttemptAcquire($"{tenantId}|{userId}", 1);
        return lease.IsAcquired;
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
