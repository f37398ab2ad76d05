namespace CoachBot.DealHelp;

/// <summary>Deal help and coaching-time corrections: operations and outcomes only, never a rep's words or ids.</summary>
internal static partial class DealHelpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Deal-help card: {Verb} {Outcome}")]
    public static partial void Action(ILogger logger, string verb, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deal help: Graph {Operation} failed")]
    public static partial void GraphFailed(ILogger logger, string operation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Coaching time: an event was corrected to {Correction}")]
    public static partial void Corrected(ILogger logger, CoachBot.Coaching.CoachingTime.EventCorrection correction);
}
