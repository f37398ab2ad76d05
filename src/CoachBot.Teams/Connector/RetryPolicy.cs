using System.Net;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Which Connector failures are worth retrying and how long to wait. Teams asks bots to honour Retry-After on 429
/// and otherwise back off exponentially with jitter, and to retry 412, 502, 503 and 504 too
/// (Microsoft Learn, "Optimize your bot with rate limiting and best practices in Teams").
/// </summary>
public sealed class RetryPolicy
{
    public int MaxAttempts { get; init; } = 5;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public TimeSpan DelayFor(int attempt, HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return Min(delta, MaxDelay);
        if (retryAfter?.Date is { } date) return Min(date - DateTimeOffset.UtcNow, MaxDelay);
        // Full jitter: a random wait up to the exponential cap spreads retries from many conversations.
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < TimeSpan.Zero ? TimeSpan.Zero : a < b ? a : b;
}
