namespace CoachBot.Delivery;

/// <summary>
/// Delivery pipeline logging (scheduler, worker, processor): kinds, days and outcomes only, never card or rep text. The
/// messages still say "Nudge" as they did before the pipeline was renamed, so existing log queries keep matching.
/// </summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Nudge job {Kind} for {Day}: {Outcome}")]
    public static partial void JobDone(ILogger logger, string kind, DateOnly day, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nudge job {Kind} for {Day} took over a stale claim (attempt {Attempt}): the earlier attempt may have been delivered")]
    public static partial void TookOverStale(ILogger logger, string kind, DateOnly day, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nudge job {Kind} for {Day} lost its claim before recording the send: possible duplicate")]
    public static partial void ClaimLost(ILogger logger, string kind, DateOnly day);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nudge job {Kind} for {Day} failed (dequeue {DequeueCount}); retrying later")]
    public static partial void JobFailed(ILogger logger, Exception exception, string kind, DateOnly day, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Nudge queue message {MessageId} moved to the poison queue after {DequeueCount} deliveries")]
    public static partial void Poisoned(ILogger logger, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nudge scheduler enqueued {Count} jobs")]
    public static partial void Enqueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nudge scheduler tick failed")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nudge worker receive failed")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception);
}
