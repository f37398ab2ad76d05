using System.Net;

namespace CoachBot.Teams.Connector;

/// <summary>
/// A Connector call that failed for good (after any retries), with the error body's <see cref="Code"/> and
/// <see cref="SubCode"/> and, for throttling, the wait Teams asked for.
/// </summary>
public sealed class ConnectorException(HttpStatusCode status, string? code, string message, string? subCode = null, TimeSpan? retryAfter = null)
    : Exception($"Connector returned {(int)status} {code}{(subCode is null ? "" : "/" + subCode)}: {message}")
{
    public HttpStatusCode Status { get; } = status;
    public string? Code { get; } = code;
    public string? SubCode { get; } = subCode;

    /// <summary>
    /// Teams' Retry-After on a throttled call that was not retried in process (longer than
    /// <see cref="RetryPolicy.MaxRetryAfter"/>, or attempts used up): a queue-driven caller hands the job back for that long.
    /// </summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// The user or conversation is gone for this bot: removed from the conversation, blocked by the user, not installed,
    /// or the conversation no longer exists. Only these retire a reference; other 403/404s (a wrong Connector host,
    /// an activity that no longer exists, an admin toggle) say nothing about the user.
    /// </summary>
    public bool IsPermanent => ConnectorErrorCodes.MeansGone(Status, Code, SubCode);
}
