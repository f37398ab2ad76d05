using System.Threading.RateLimiting;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Keeps the bot under Teams' published bot limits before Teams has to say 429 (Microsoft Learn, "Optimize your bot
/// with rate limiting and best practices in Teams"; values marked "subject to change"): per bot per conversation,
/// 7 sends / 1 s, 8 / 2 s, 60 / 30 s and 1,800 / hour (create-conversation the same); per app per tenant, copies of
/// the page say 50 or 30 requests/s, so CoachBot plans for 30 per tenant. Callers wait for a permit, bounded by a queue;
/// <see cref="TryAcquire"/> is for sends that are worthless when late (typing indicators).
/// </summary>
public sealed class ConnectorRateLimiter : IAsyncDisposable
{
    private const int QueueLimit = 10_000;

    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly PartitionedRateLimiter<string> _perTenant;

    /// <param name="perTenantPerSecond">Requests per second per tenant; 0 turns the tenant limit off (load tests of CoachBot itself).</param>
    public ConnectorRateLimiter(double perTenantPerSecond = 30)
    {
        _perConversation = PartitionedRateLimiter.CreateChained(
            Window(7, TimeSpan.FromSeconds(1)),
            Window(8, TimeSpan.FromSeconds(2)),
            Window(60, TimeSpan.FromSeconds(30)),
            Window(1800, TimeSpan.FromHours(1)));
        var perSecond = (int)perTenantPerSecond;
        _perTenant = PartitionedRateLimiter.Create<string, string>(tenant => perSecond <= 0
            ? RateLimitPartition.GetNoLimiter(tenant)
            : RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
            {
                // Refilled every 100 ms rather than once a second: the same rate, without a second-long stall.
                TokenLimit = perSecond,
                TokensPerPeriod = Math.Max(1, perSecond / 10),
                ReplenishmentPeriod = TimeSpan.FromMilliseconds(perSecond >= 10 ? 100 : 1000.0 / perSecond),
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    /// <summary>
    /// The key that budgets creating the 1:1 chat with one member: Teams limits create-conversation per thread, and
    /// each member's 1:1 is its own thread, so new chats for different users (and tenants) never share a budget.
    /// </summary>
    public static string NewConversationKey(string? tenantId, string? memberId) => $"create|{tenantId}|{memberId}";

    /// <summary>Waits until one more call to <paramref name="conversationId"/> (or <see cref="NewConversationKey"/>) in <paramref name="tenantId"/> is within limits.</summary>
    public async ValueTask AcquireAsync(string? conversationId, string? tenantId, CancellationToken ct)
    {
        using var conversationLease = await _perConversation.AcquireAsync(conversationId ?? "", 1, ct).ConfigureAwait(false);
        if (!conversationLease.IsAcquired) throw new RateLimitExceededException("Too many queued sends for one conversation.");
        using var tenantLease = await _perTenant.AcquireAsync(tenantId ?? "", 1, ct).ConfigureAwait(false);
        if (!tenantLease.IsAcquired) throw new RateLimitExceededException("Too many queued Connector calls for one tenant.");
    }

    /// <summary>A permit only if one is free right now (both limits); never waits.</summary>
    public bool TryAcquire(string? conversationId, string? tenantId)
    {
        using var conversationLease = _perConversation.AttemptAcquire(conversationId ?? "", 1);
        if (!conversationLease.IsAcquired) return false;
        using var tenantLease = _perTenant.AttemptAcquire(tenantId ?? "", 1);
        return tenantLease.IsAcquired;
    }

    public async ValueTask DisposeAsync()
    {
        await _perConversation.DisposeAsync().ConfigureAwait(false);
        await _perTenant.DisposeAsync().ConfigureAwait(false);
    }

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = window < TimeSpan.FromSeconds(2) ? 2 : 10,
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
}

public sealed class RateLimitExceededException(string message) : Exception(message);
