namespace CoachBot.Coaching.FieldDays;

/// <summary>
/// Local wall-clock time to UTC instants and back, DST-correct. A local time that does not exist (spring-forward gap)
/// moves forward by the gap (02:30 on a 02:00→03:00 switch is 03:30); a local time that happens twice (fall-back)
/// takes its first occurrence. Shared by the field-day finder and coaching-time accounting.
/// </summary>
internal static class ZonedClock
{
    public static TimeZoneInfo Find(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        // Accepts IANA ids and Windows ids (ICU converts) as Graph mailbox settings may return either.
        return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
    }

    /// <summary>UTC ticks of a local wall-clock time in <paramref name="zone"/>.</summary>
    public static long ToUtcTicks(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        ToUtcTicks(date.ToDateTime(time, DateTimeKind.Unspecified), zone);

    public static long ToUtcTicks(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // In the gap: use the offset in force before the switch, which lands after the gap.
            offset = zone.GetUtcOffset(local.AddHours(-6));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            offset = offsets.Max(); // the larger offset is the earlier instant: the first occurrence
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }
        return local.Ticks - offset.Ticks;
    }

    /// <summary>Local wall-clock time of a UTC instant.</summary>
    public static DateTime ToLocal(long utcTicks, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(new DateTime(utcTicks, DateTimeKind.Utc), zone);

    public static DateOnly LocalDate(long utcTicks, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utcTicks, zone));

    /// <summary>The instant as a DateTimeOffset carrying the zone's offset at that instant.</summary>
    public static DateTimeOffset ToOffset(long utcTicks, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(utcTicks, TimeSpan.Zero), zone);

    /// <summary>
    /// The person's working window on local date <paramref name="date"/> as UTC ticks, or false when it is not a working day.
    /// Working hours whose end is not after their start run past midnight into the next day.
    /// </summary>
    public static bool TryWorkingWindow(Calendar.WorkingHours hours, TimeZoneInfo zone, DateOnly date, out long start, out long end)
    {
        start = end = 0;
        if (!hours.Days.Contains(date.DayOfWeek)) return false;
        start = ToUtcTicks(date, hours.Start, zone);
        end = hours.End > hours.Start
            ? ToUtcTicks(date, hours.End, zone)
            : ToUtcTicks(date.AddDays(1), hours.End, zone);
        return end > start;
    }
}
