using System.Net;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Which Connector failures are worth retrying and how long to wait. Teams asks bots to honour Retry-After on 429
/// and otherwise back off exponentially with jitter, and to retry 412, 502, 503 and 504 too — not 500, which Teams
/// answers when it may already have posted the message (Microsoft Learn, "Optimize your bot with rate limiting and
/// best practices in Teams").
/// </summary>
public sealed class RetryPolicy
{
    public int MaxAttempts { get; init; } = 5;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest Retry-After waited out in process. Teams' wait is honoured in full, never cut short; a longer one
    /// ends the call with a <see cref="ConnectorException"/> carrying it, for a queue to hand the job back that long.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// Whether a call that failed in transport may be sent again. PUT, GET and DELETE are idempotent; a POST is not
    /// (Teams cannot deduplicate it), so it is resent only when it surely never left: no DNS answer or no connection.
    /// </summary>
    public static bool MayResend(HttpMethod method, HttpRequestException error) =>
        method != HttpMethod.Post
        || error.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;

    /// <summary>The wait a response's Retry-After header asks for, if any.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
        return null;
    }

    /// <summary>Teams' Retry-After when it gave one, else full-jitter exponential backoff.</summary>
    public TimeSpan DelayFor(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait) return wait;
        // Full jitter: a random wait up to the exponential cap spreads retries from many conversations.
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
    }
}
