using CoachBot.Teams.Schema;

namespace CoachBot.Coaching;

/// <summary>The rep's local date, which is what "by Thursday" is relative to.</summary>
internal static class RepClock
{
    public static DateOnly Today(Activity a, DateTimeOffset utcNow)
    {
        if (a.LocalTimezone is { Length: > 0 } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz))
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, tz).DateTime);
        if (a.LocalTimestamp is { } local)
            return DateOnly.FromDateTime(utcNow.ToOffset(local.Offset).DateTime);
        return DateOnly.FromDateTime(utcNow.UtcDateTime);
    }
}
