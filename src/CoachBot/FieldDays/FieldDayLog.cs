namespace CoachBot.FieldDays;

/// <summary>Field-day logging: operations and outcomes only, never anyone's words or ids.</summary>
internal static partial class FieldDayLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Field day: Graph {Operation} failed; using default working hours")]
    public static partial void GraphDegraded(ILogger logger, string operation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Field day recorded; prep and debrief scheduled")]
    public static partial void Recorded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Field day moved in the calendar; prep and debrief follow the new time")]
    public static partial void Moved(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Field day event deleted or cancelled in the calendar; nothing more is sent for it")]
    public static partial void Cancelled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Field day: Graph {Operation} failed; the booked times are used")]
    public static partial void EventCheckDegraded(ILogger logger, string operation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Field day action {Verb}: {Outcome}")]
    public static partial void Action(ILogger logger, string verb, string outcome);
}
