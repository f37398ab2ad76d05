using CoachBot.Coaching.Calendar;

namespace CoachBot.Coaching.FieldDays;

/// <summary>When a booked field day's messages go out: each person's prep, then the manager's debrief.</summary>
/// <param name="ManagerPrepAt">The manager's prep card, in the manager's own working day.</param>
/// <param name="RepPrepAt">The rep's question, in the rep's own working day.</param>
/// <param name="DebriefAt">The manager's debrief card: when the field day ends.</param>
public sealed record FieldDayMoments(DateTimeOffset ManagerPrepAt, DateTimeOffset RepPrepAt, DateTimeOffset DebriefAt)
{
    /// <summary>A field day starting at least this long after the person's working day begins is prepped that morning.</summary>
    public static readonly TimeSpan MorningLead = TimeSpan.FromHours(3);

    /// <summary>The evening-before prep goes this long before the person's working day ends.</summary>
    public static readonly TimeSpan EveningLead = TimeSpan.FromHours(1);

    /// <summary>Prep and debrief moments for a field day over [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static FieldDayMoments For(DateTimeOffset start, DateTimeOffset end, WorkingHours managerHours, WorkingHours repHours)
    {
        ArgumentNullException.ThrowIfNull(managerHours);
        ArgumentNullException.ThrowIfNull(repHours);
        if (end <= start) throw new ArgumentException("A field day ends after it starts.", nameof(end));
        return new FieldDayMoments(PrepAt(start, managerHours), PrepAt(start, repHours), end);
    }

    /// <summary>
    /// One person's prep moment, from their own working hours and time zone: the morning of (the start of their working
    /// day) when the field day begins at least <see cref="MorningLead"/> later, otherwise the evening before (their
    /// previous working day, <see cref="EveningLead"/> before it ends). Wall-clock times become instants with that day's
    /// offset (<see cref="ZonedClock"/>), so DST switch days are right. Never after the start.
    /// </summary>
    public static DateTimeOffset PrepAt(DateTimeOffset start, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var zone = ZonedClock.Find(hours.TimeZoneId);
        var startTicks = start.UtcTicks;
        var localDay = ZonedClock.LocalDate(startTicks, zone);
        if (hours.Days.Contains(localDay.DayOfWeek))
        {
            var morning = ZonedClock.ToUtcTicks(localDay, hours.Start, zone);
            if (startTicks - morning >= MorningLead.Ticks) return At(morning);
        }
        var evening = ZonedClock.ToUtcTicks(PreviousWorkingDay(localDay, hours), EveningTime(hours), zone);
        return At(Math.Min(evening, startTicks));
    }

    private static DateOnly PreviousWorkingDay(DateOnly day, WorkingHours hours)
    {
        for (var d = day.AddDays(-1); d >= day.AddDays(-7); d = d.AddDays(-1))
            if (hours.Days.Contains(d.DayOfWeek)) return d;
        return day.AddDays(-1);
    }

    // An hour before the working day ends, but never before it starts (short or overnight hours).
    private static TimeOnly EveningTime(WorkingHours hours)
    {
        var evening = hours.End.Add(-EveningLead);
        return hours.End > hours.Start && evening >= hours.Start ? evening : hours.Start;
    }

    private static DateTimeOffset At(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
