namespace CoachBot.Coaching.CoachingTime;

/// <summary>Coaching time over one look-back window (7 or 28 days).</summary>
/// <param name="Days">Length of the window in days.</param>
/// <param name="From">Start of the window (same local time <paramref name="Days"/> days before <paramref name="To"/>), manager's offset.</param>
/// <param name="To">End of the window: the "as of" instant.</param>
/// <param name="WorkingMinutes">Working time in the window, from the manager's working hours.</param>
/// <param name="FieldDayMinutes">Working time inside CoachBot field-day events.</param>
/// <param name="OneOnOneMinutes">Working time inside 1:1s with a direct report (debriefs apart).</param>
/// <param name="CoachingMinutes">Working time inside any coaching class (overlaps counted once); not always the sum of them.</param>
/// <param name="SharePercent">CoachingMinutes / WorkingMinutes × 100, 0 when there is no working time; rounded to 0.1.</param>
/// <param name="MeetsTarget">SharePercent ≥ the target.</param>
public sealed record CoachingTimeWindow(
    int Days,
    DateTimeOffset From,
    DateTimeOffset To,
    double WorkingMinutes,
    double FieldDayMinutes,
    double OneOnOneMinutes,
    double CoachingMinutes,
    double SharePercent,
    bool MeetsTarget)
{
    /// <summary>Working time inside debriefs (coaching).</summary>
    public double DebriefMinutes { get; init; }

    /// <summary>Working time inside events the manager marked as coaching.</summary>
    public double MarkedCoachingMinutes { get; init; }

    /// <summary>Working time inside deal calls (team selling): shown, never counted as coaching.</summary>
    public double DealCallMinutes { get; init; }

    /// <summary>Events per class in the window.</summary>
    public EventClassCounts Counts { get; init; } = EventClassCounts.None;

    /// <summary>The events the manager can correct: every classified event and any event with a rep on it, newest first.</summary>
    public IReadOnlyList<ClassifiedEvent> Events { get; init; } = [];
}

/// <summary>A manager's coaching time over the last 7 and 28 days against a target.</summary>
public sealed record CoachingTimeReport(
    CoachingTimeWindow Last7Days,
    CoachingTimeWindow Last28Days,
    double TargetPercent,
    string Explanation);
