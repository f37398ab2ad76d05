using System.Globalization;
using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Tools.GraphServer.Org;

/// <summary>
/// Generates realistic calendars around "now": the org's recurring meetings, weekly 1:1s, customer meetings,
/// some tentative holds, site visits and OOF days. Each day's meetings depend only on the seed, the person and
/// the date, so restarts (and tests) see the same calendar for the same day.
/// </summary>
public static class CalendarGenerator
{
    private static readonly string[] Accounts = ["Northwind", "Fabrikam", "Contoso Pharma", "Tailspin Toys", "Wingtip", "Litware", "Adventure Works", "Proseware"];
    private static readonly string[] CustomerKinds = ["Discovery call", "Product demo", "Pricing review", "QBR", "Renewal call", "Follow-up"];
    private static readonly string[] ManagerKinds = ["Forecast call", "Deal review", "Hiring interview", "Enablement planning", "Skip-level"];
    private static readonly int[] Durations = [30, 60, 60, 90];

    public static List<StoredEvent> Generate(OrgData org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(org);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(-org.HistoryDays);
        var last = today.AddDays(org.HorizonDays);
        var events = new List<StoredEvent>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var meeting in org.Recurring) AddRecurring(org, meeting, day, events);
            foreach (var manager in org.Users.Where(u => u.Role == UserRole.Manager)) AddOneOnOnes(org, manager, day, events);
            foreach (var user in org.Users) AddDay(org, user, day, events);
        }

        return events;
    }

    private static void AddRecurring(OrgData org, RecurringMeeting meeting, DateOnly day, List<StoredEvent> events)
    {
        var organizer = org.Users.FirstOrDefault(u => u.Id == meeting.Organizer);
        if (organizer is null || !meeting.Days.Contains(Name(day.DayOfWeek), StringComparer.OrdinalIgnoreCase)) return;
        if (WeekIndex(day) % Math.Max(1, meeting.EveryWeeks) != 0) return;

        var attendees = meeting.Attendees.SelectMany(a => a == "team"
            ? org.Users.Where(u => u.ManagerId == organizer.Id)
            : org.Users.Where(u => u.Id == a)).Distinct().ToList();
        var start = Time(meeting.Start);
        events.Add(Meeting(organizer, attendees, meeting.Subject, day, start, meeting.DurationMinutes, meeting.ShowAs, $"rec|{meeting.Subject}"));
    }

    private static void AddOneOnOnes(OrgData org, OrgUser manager, DateOnly day, List<StoredEvent> events)
    {
        var reps = org.Users.Where(u => u.ManagerId == manager.Id).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < reps.Count; i++)
        {
            // Spread 1:1s over the week: rep i on weekday i % 5, later in the day for each full round.
            if ((int)day.DayOfWeek != 1 + (i % 5)) continue;
            var start = new TimeOnly(11, 0).AddMinutes(45 * (i / 5));
            var subject = $"1:1 {First(manager)} / {First(reps[i])}";
            events.Add(Meeting(manager, [reps[i]], subject, day, start, 30, "busy", "1on1"));
        }
    }

    private static void AddDay(OrgData org, OrgUser user, DateOnly day, List<StoredEvent> events)
    {
        if (!user.WorkingDays.Contains(Name(day.DayOfWeek), StringComparer.OrdinalIgnoreCase)) return;
        var rng = new Random(org.Seed ^ StableHash(user.Id) ^ day.DayNumber);
        var zone = ZoneOf(user);

        if (rng.NextDouble() < (user.Role == UserRole.Rep ? 0.06 : 0.03))
        {
            var oof = Meeting(user, [], "Out of office", day, TimeOnly.MinValue, 24 * 60, "oof", "oof");
            oof.IsAllDay = true;
            oof.EndUtc = ToUtc(day.AddDays(1), TimeOnly.MinValue, zone);
            events.Add(oof);
            return;
        }

        var workStart = Time(user.WorkStart);
        var workEnd = Time(user.WorkEnd);
        var slots = Math.Max(1, (int)((workEnd - workStart).TotalMinutes / 30) - 4);
        var count = user.Role == UserRole.Rep ? rng.Next(1, 4) : rng.Next(0, 3);
        for (var n = 0; n < count; n++)
        {
            var start = workStart.AddMinutes(60 + 30 * rng.Next(slots));
            var roll = rng.NextDouble();
            var account = Accounts[rng.Next(Accounts.Length)];
            if (user.Role == UserRole.Rep && roll < 0.1)
            {
                events.Add(Meeting(user, [], $"Customer site visit — {account}", day, start, 180, "workingElsewhere", $"site{n}"));
                continue;
            }

            var subject = user.Role == UserRole.Rep
                ? $"{CustomerKinds[rng.Next(CustomerKinds.Length)]} — {account}"
                : ManagerKinds[rng.Next(ManagerKinds.Length)];
            var showAs = roll < 0.3 ? "tentative" : "busy";
            events.Add(Meeting(user, [], subject, day, start, Durations[rng.Next(Durations.Length)], showAs, $"m{n}"));
        }
    }

    private static StoredEvent Meeting(OrgUser organizer, List<OrgUser> attendees, string subject, DateOnly day, TimeOnly start, int minutes, string showAs, string salt)
    {
        var zone = ZoneOf(organizer);
        var startUtc = ToUtc(day, start, zone);
        var id = $"{organizer.Id}|{day.DayNumber}|{salt}|{subject}";
        return new StoredEvent
        {
            Id = "AAMkG" + StableHash(id).ToString("x8", CultureInfo.InvariantCulture) + StableHash(id + "#").ToString("x8", CultureInfo.InvariantCulture),
            ICalUId = "040000008200E00074C5B7101A82E008" + StableHash(id).ToString("X8", CultureInfo.InvariantCulture),
            OrganizerId = organizer.Id,
            Subject = subject,
            StartUtc = startUtc,
            EndUtc = startUtc.AddMinutes(minutes),
            ShowAs = showAs,
            CreatedUtc = startUtc.AddDays(-14),
            Attendees = [.. attendees.Select(a => new StoredAttendee { Address = a.SmtpAddress, Name = a.DisplayName, UserId = a.Id, Response = "accepted" })],
        };
    }

    public static TimeZoneInfo ZoneOf(OrgUser user) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(user.TimeZone ?? "UTC", out var zone) ? zone : TimeZoneInfo.Utc;

    private static DateTime ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1); // inside a spring-forward gap
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static TimeOnly Time(string hhmm) => TimeOnly.Parse(hhmm, CultureInfo.InvariantCulture);

    private static string First(OrgUser user) => user.DisplayName.Split(' ')[0];

    private static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();

    private static int WeekIndex(DateOnly day) => day.DayNumber / 7; // DayNumber 0 (1 Jan 0001) was a Monday; stable across runs

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, which would break determinism.</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash & 0x7fffffff;
        }
    }
}
