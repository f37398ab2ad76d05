namespace CoachBot.FieldDays;

/// <summary>Field-day logging: operations and outcomes only, never anyone's words or ids.</summary>
internal static partial class FieldDayLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Field day: Graph {Operation} failed; using default working hours")]
    public static partial void GraphDegraded(ILogger logger, string operation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Field day recorded; prep and debrief scheduled")]
    public static partial void Recorded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Field day action {Verb}: {Outcome}")]
    public static partial void Action(ILogger logger, string verb, string outcome);
}
