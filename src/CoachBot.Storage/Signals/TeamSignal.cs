namespace CoachBot.Storage.Signals;

/// <summary>
/// What a manager may learn about a rep's day, and nothing more: that a topic came up (never the rep's words), that the
/// rep asked for a field day, or a plan the rep chose to share. Written by the coaching turns, read by the nudge.
/// </summary>
public sealed record TeamSignal(
    string TenantId,
    DateOnly Day,
    string Kind,
    string UserKey,
    string Id,
    string? Topic,
    string? SharedPlanText,
    DateOnly? SharedPlanDue,
    DateTimeOffset At)
{
    public const string TopicRaised = "topic";
    public const string FieldDayRequested = "fieldDay";
    public const string PlanShared = "sharedPlan";

    /// <summary>Every kind, for the key budget (<see cref="TurnKeys"/>).</summary>
    public static readonly IReadOnlyList<string> Kinds = [TopicRaised, FieldDayRequested, PlanShared];
}
