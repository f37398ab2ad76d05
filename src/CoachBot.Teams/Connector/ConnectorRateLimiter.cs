using System.Threading.RateLimiting;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Keeps the bot under Teams' published bot limits before Teams has to say 429 (Microsoft Learn, "Optimize your bot
/// with rate limiting and best practices in Teams"; values marked "subject to change"): per bot per conversation,
/// 7 sends / 1 s, 8 / 2 s, 60 / 30 s and 1,800 / hour (create-conversation the same); per app per tenant, copies of
/// the page say 50 or 30 requests/s, so CoachBot plans for 30. Callers wait for a permit, bounded by a queue.
/// </summary>
public sealed class ConnectorRateLimiter : IAsyncDisposable
{
    private const int QueueLimit = 10_000;

    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly RateLimiter _global;

    public ConnectorRateLimiter(double globalPerSecond = 30)
    {
        _perConversation = PartitionedRateLimiter.CreateChained(
            Window(7, TimeSpan.FromSeconds(1)),
            Window(8, TimeSpan.FromSeconds(2)),
            Window(60, TimeSpan.FromSeconds(30)),
            Window(1800, TimeSpan.FromHours(1)));
        var perSecond = Math.Max(1, (int)globalPerSecond);
        _global = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits until one more call to <paramref name="conversationId"/> (or a new conversation, with null) is within limits.</summary>
    public async ValueTask AcquireAsync(string? conversationId, CancellationToken ct)
    {
        using var conversationLease = await _perConversation.AcquireAsync(conversationId ?? "", 1, ct).ConfigureAwait(false);
        if (!conversationLease.IsAcquired) throw new RateLimitExceededException("Too many queued sends for one conversation.");
        using var globalLease = await _global.AcquireAsync(1, ct).ConfigureAwait(false);
        if (!globalLease.IsAcquired) throw new RateLimitExceededException("Too many queued Connector calls.");
    }

    public async ValueTask DisposeAsync()
    {
        await _perConversation.DisposeAsync().ConfigureAwait(false);
        await _global.DisposeAsync().ConfigureAwait(false);
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
