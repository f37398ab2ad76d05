using System.Globalization;
using CoachBot.Coaching.Calendar;

namespace CoachBot.Coaching.Tests.FieldDays;

/// <summary>Builds schedules from local wall-clock times, so tests read like a calendar.</summary>
internal sealed class Cal(string userId, string timeZoneId)
{
    public const string Berlin = "Europe/Berlin";
    public const string NewYork = "America/New_York";
    public const string London = "Europe/London";

    private readonly List<BusyInterval> _busy = [];
    private WorkingHours _hours = WorkingHours.Default(timeZoneId);

    public string Zone => timeZoneId;

    public static DateTimeOffset At(string local, string zone)
    {
        var dt = DateTime.ParseExact(local, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        return new DateTimeOffset(dt, tz.GetUtcOffset(dt));
    }

    public static DateTimeOffset Utc(string utc) =>
        new(DateTime.ParseExact(utc, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None), TimeSpan.Zero);

    public Cal Hours(TimeOnly start, TimeOnly end)
    {
        _hours = _hours with { Start = start, End = end };
        return this;
    }

    /// <summary>Exactly these working days (none at all when empty).</summary>
    public Cal Days(params DayOfWeek[] days)
    {
        _hours = _hours with { Days = new HashSet<DayOfWeek>(days) };
        return this;
    }

    public Cal EveryDay() => Days(Enum.GetValues<DayOfWeek>());

    public Cal Add(string localStart, string localEnd, FreeBusyStatus status = FreeBusyStatus.Busy)
    {
        _busy.Add(new BusyInterval(At(localStart, timeZoneId), At(localEnd, timeZoneId), status));
        return this;
    }

    /// <summary>An all-day item as getSchedule reports it: local midnight to the next local midnight.</summary>
    public Cal AllDay(string date, FreeBusyStatus status = FreeBusyStatus.Busy)
    {
        var d = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Add(date, d.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status);
    }

    public PersonSchedule Build() => new(userId, _hours, _busy.ToList());
}
