using CoachBot.Coaching.Calendar;

namespace CoachBot.Benchmarks;

/// <summary>Seeded, dense, year-long calendars: 10-14 items every working day (3,000+ a year), all statuses, some all-day and multi-day items.</summary>
public static class DenseCalendars
{
    public static readonly DateOnly FirstDay = new(2026, 1, 5); // a Monday

    public static PersonSchedule Schedule(string userId, string timeZoneId, int seed, int days = 365)
    {
        var random = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var hours = WorkingHours.Default(timeZoneId);
        var busy = new List<BusyInterval>(days * 10);
        for (var d = 0; d < days; d++)
        {
            var date = FirstDay.AddDays(d);
            if (!hours.Days.Contains(date.DayOfWeek)) continue;
            if (random.Next(40) == 0)
            {
                busy.Add(new BusyInterval(Local(date, 0, 0, zone), Local(date.AddDays(1), 0, 0, zone), random.Next(2) == 0 ? FreeBusyStatus.Oof : FreeBusyStatus.WorkingElsewhere));
            }
            // One day in three keeps its morning clear (a protected block), so there is something to find.
            var clearMorning = random.Next(3) == 0;
            for (var i = random.Next(10, 15); i > 0; i--)
            {
                var startMinute = 7 * 60 + 15 * random.Next(48);
                if (clearMorning && startMinute is > 7 * 60 and < 12 * 60) startMinute += 5 * 60;
                var start = Local(date, startMinute / 60, startMinute % 60, zone);
                var status = random.Next(10) switch
                {
                    < 6 => FreeBusyStatus.Busy,
                    < 8 => FreeBusyStatus.Tentative,
                    8 => FreeBusyStatus.Free,
                    _ => FreeBusyStatus.WorkingElsewhere,
                };
                busy.Add(new BusyInterval(start, start.AddMinutes(15 * random.Next(1, 7)), status));
            }
        }
        // Getschedule answers are sorted; shuffle so the finder's own sort is measured too.
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(busy));
        return new PersonSchedule(userId, hours, busy);
    }

    public static List<CalendarEvent> Events(string managerId, string[] reports, string timeZoneId, int seed, int days = 365)
    {
        var schedule = Schedule(managerId, timeZoneId, seed, days);
        var random = new Random(seed + 1);
        var categories = new[] { "CoachBot field day" };
        return schedule.Busy.Select((b, i) => new CalendarEvent(
            $"e{i}", b.Start, b.End, false, b.Status,
            random.Next(20) == 0 ? categories : [],
            random.Next(3) == 0 ? [reports[random.Next(reports.Length)]] : [managerId, "x", "y"])).ToList();
    }

    private static DateTimeOffset Local(DateOnly date, int hour, int minute, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
