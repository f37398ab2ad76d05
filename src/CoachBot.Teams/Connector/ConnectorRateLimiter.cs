using System.Threading.RateLimiting;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Keeps the bot under Teams' published bot limits before Teams has to say 429 (Microsoft Learn, "Optimize your bot
/// with rate limiting and best practices in Teams"; values marked "subject to change"): per bot per conversation,
/// 7 sends / 1 s, 8 / 2 s, 60 / 30 s and 1,800 / hour (create-conversation the same); per app per tenant, copies of
/// the page say 50 or 30 requests/s, so CoachBot plans for 30 per tenant, shared by every instance of the app
/// (<see cref="ConnectorBudget"/>). Callers wait for a permit, bounded by a queue; <see cref="TryAcquire"/> is for sends
/// that are worthless when late (typing indicators).
/// </summary>
public sealed class ConnectorRateLimiter : IAsyncDisposable
{
    private const int QueueLimit = 10_000;

    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly TenantPacer _perTenant;

    /// <param name="perTenantPerSecond">Requests per second per tenant for a single instance; 0 turns the tenant limit off (load tests of CoachBot itself).</param>
    public ConnectorRateLimiter(double perTenantPerSecond = 30) : this(new ConnectorBudget(perTenantPerSecond), TimeProvider.System)
    {
    }

    /// <param name="budget">The tenant budget and this instance's share of it, updated by the host as instances come and go.</param>
    public ConnectorRateLimiter(ConnectorBudget budget, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(budget);
        _perConversation = PartitionedRateLimiter.CreateChained(
            Window(7, TimeSpan.FromSeconds(1)),
            Window(8, TimeSpan.FromSeconds(2)),
            Window(60, TimeSpan.FromSeconds(30)),
            Window(1800, TimeSpan.FromHours(1)));
        _perTenant = new TenantPacer(budget, time, QueueLimit);
        _time = time;
    }

    private readonly TimeProvider _time;

    /// <summary>
    /// The key that budgets creating the 1:1 chat with one member: Teams limits create-conversation per thread, and
    /// each member's 1:1 is its own thread, so new chats for different users (and tenants) never share a budget.
    /// </summary>
    public static string NewConversationKey(string? tenantId, string? memberId) => $"create|{tenantId}|{memberId}";

    /// <summary>
    /// Waits until one more call to <paramref name="conversationId"/> (or <see cref="NewConversationKey"/>) in
    /// <paramref name="tenantId"/> is within limits; with <paramref name="leaveBy"/>, gives up (cancelled) if that is
    /// not by then.
    /// </summary>
    public async ValueTask AcquireAsync(string? conversationId, string? tenantId, CancellationToken ct, DateTimeOffset? leaveBy = null)
    {
        using var late = leaveBy is { } by ? new CancellationTokenSource(Max(by - _time.GetUtcNow(), TimeSpan.Zero), _time) : null;
        using var either = late is null ? null : CancellationTokenSource.CreateLinkedTokenSource(ct, late.Token);
        var wait = either?.Token ?? ct;
        using var conversationLease = await _perConversation.AcquireAsync(conversationId ?? "", 1, wait).ConfigureAwait(false);
        if (!conversationLease.IsAcquired) throw new RateLimitExceededException("Too many queued sends for one conversation.");
        await _perTenant.WaitTurnAsync(tenantId ?? "", wait).ConfigureAwait(false);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Teams answered 429 with a Retry-After for a call to <paramref name="tenantId"/>: hold this process's next calls to it.</summary>
    public void Throttled(string? tenantId, TimeSpan retryAfter) => _perTenant.Pause(tenantId ?? "", retryAfter);

    /// <summary>A permit only if one is free right now (both limits); never waits.</summary>
    public bool TryAcquire(string? conversationId, string? tenantId)
    {
        using var conversationLease = _perConversation.AttemptAcquire(conversationId ?? "", 1);
        if (!conversationLease.IsAcquired) return false;
        return _perTenant.TryTake(tenantId ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        await _perConversation.DisposeAsync().ConfigureAwait(false);
        _perTenant.Dispose();
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
