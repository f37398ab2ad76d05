using CoachBot.Coaching.FieldDays;

namespace CoachBot.Coaching.Leaders;

/// <summary>
/// The sales leader's weekly figures per manager (docs/field-days.md, "Sales leader's view"). The week is the seven UTC
/// days before <c>weekStart</c> (a Monday, 00:00 UTC): field days held and debriefed are those that ended inside it; reps
/// with a field day are counted over the 30 days before <c>weekStart</c>, by tier (emerging contributors first). Reps who
/// left the team are not counted. A team smaller than <c>minimumReps</c> gets no figures at all.
/// </summary>
public static class LeaderFigures
{
    public const int FieldWindowDays = 30;

    public static ManagerWeekFigures Compute(ManagerWeekInput input, DateOnly weekStart, double targetPercent, int minimumReps)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Reps.Count < Math.Max(1, minimumReps))
            return new ManagerWeekFigures(true, targetPercent, null, null, null, null, null, null, null);

        var end = Midnight(weekStart);
        var weekFrom = end.AddDays(-7);
        var fieldFrom = end.AddDays(-FieldWindowDays);
        var held = input.FieldDays.Where(f => f.End > weekFrom && f.End <= end).ToList();
        var repsInField = input.FieldDays
            .Where(f => f.End > fieldFrom && f.End <= end && input.Reps.ContainsKey(f.RepId))
            .Select(f => f.RepId)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => input.Reps[id])
            .ToList();
        return new ManagerWeekFigures(
            false,
            targetPercent,
            input.CoachingSharePercent,
            held.Count,
            held.Count(f => f.Debriefed),
            repsInField.Count(t => t == RepTier.Emerging),
            repsInField.Count(t => t == RepTier.Developing),
            repsInField.Count(t => t == RepTier.Top),
            input.FollowedUpRepIds.Count(input.Reps.ContainsKey));
    }

    /// <summary>The Monday on or before <paramref name="day"/>: the week a report is for.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
