namespace CoachBot.Coaching.Calendar;

/// <summary>A person's working hours from their mailbox settings, in their own time zone (IANA or Windows id).</summary>
public sealed record WorkingHours(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End, string TimeZoneId)
{
    public static WorkingHours Default(string timeZoneId) => new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(8, 0), new TimeOnly(17, 0), timeZoneId);
}
