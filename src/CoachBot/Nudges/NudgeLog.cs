namespace CoachBot.Nudges;

/// <summary>Nudge building logging: ids and outcomes only, never card or rep text.</summary>
internal static partial class NudgeLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph unavailable for a nudge ({Operation}): sending without that part")]
    public static partial void GraphDegraded(ILogger logger, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Field-day booking from a nudge failed ({Kind})")]
    public static partial void BookingFailed(ILogger logger, string kind);
}
