namespace CoachBot.Coaching.CoachingTime;

/// <summary>Coaching time over one look-back window (7 or 28 days).</summary>
/// <param name="Days">Length of the window in days.</param>
/// <param name="From">Start of the window (same local time <paramref name="Days"/> days before <paramref name="To"/>), manager's offset.</param>
/// <param name="To">End of the window: the "as of" instant.</param>
/// <param name="WorkingMinutes">Working time in the window, from the manager's working hours.</param>
/// <param name="FieldDayMinutes">Working time inside CoachBot field-day events.</param>
/// <param name="OneOnOneMinutes">Working time inside 1:1s with a direct report.</param>
/// <param name="CoachingMinutes">Working time inside either (overlaps counted once); not always the sum of the two.</param>
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
    bool MeetsTarget);

/// <summary>A manager's coaching time over the last 7 and 28 days against a target.</summary>
public sealed record CoachingTimeReport(
    CoachingTimeWindow Last7Days,
    CoachingTimeWindow Last28Days,
    double TargetPercent,
    string Explanation);
