using System.Globalization;
using CoachBot.Coaching.Calendar;
using Microsoft.Graph.Models;
using DomainStatus = CoachBot.Coaching.Calendar.FreeBusyStatus;
using GraphStatus = Microsoft.Graph.Models.FreeBusyStatus;
using GraphWorkingHours = Microsoft.Graph.Models.WorkingHours;
using WorkingHours = CoachBot.Coaching.Calendar.WorkingHours;

namespace CoachBot.Graph;

/// <summary>Graph SDK models to CoachBot's calendar domain types.</summary>
internal static class GraphMapping
{
    public static DomainStatus ToDomain(GraphStatus? status) => status switch
    {
        GraphStatus.Free => DomainStatus.Free,
        GraphStatus.Tentative => DomainStatus.Tentative,
        GraphStatus.Busy => DomainStatus.Busy,
        GraphStatus.Oof => DomainStatus.Oof,
        GraphStatus.WorkingElsewhere => DomainStatus.WorkingElsewhere,
        _ => DomainStatus.Unknown,
    };

    /// <summary>Graph's dateTimeTimeZone (a local wall-clock time plus a zone name) as an instant; null when unparseable.</summary>
    public static DateTimeOffset? ToInstant(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { } text) return null;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        if (local.Kind == DateTimeKind.Utc) return new DateTimeOffset(local);
        var zone = TimeZoneResolver.TryResolve(value.TimeZone) ?? TimeZoneInfo.Utc;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>An instant as Graph's dateTimeTimeZone in UTC (the form CoachBot always sends).</summary>
    public static DateTimeTimeZone ToGraph(DateTimeOffset value) => new()
    {
        DateTime = value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    public static DirectoryUser ToDirectoryUser(User user) =>
        new(user.Id ?? string.Empty, user.DisplayName ?? string.Empty, user.Mail, user.UserPrincipalName);

    /// <summary>Working hours in the zone Graph names, else in <paramref name="mailboxZone"/>.</summary>
    public static WorkingHours ToDomain(GraphWorkingHours? hours, TimeZoneInfo mailboxZone)
    {
        var zone = TimeZoneResolver.TryResolve(hours?.TimeZone?.Name) ?? mailboxZone;
        var fallback = WorkingHours.Default(TimeZoneResolver.IanaIdOf(zone));
        if (hours is null) return fallback;

        var days = new HashSet<DayOfWeek>();
        foreach (var day in hours.DaysOfWeek ?? [])
        {
            if (day is { } d) days.Add(ToDayOfWeek(d));
        }

        return new WorkingHours(
            days.Count > 0 ? days : fallback.Days,
            hours.StartTime is { } start ? new TimeOnly(start.Hour, start.Minute, start.Second) : fallback.Start,
            hours.EndTime is { } end ? new TimeOnly(end.Hour, end.Minute, end.Second) : fallback.End,
            fallback.TimeZoneId);
    }

    private static DayOfWeek ToDayOfWeek(DayOfWeekObject day) => day switch
    {
        DayOfWeekObject.Sunday => DayOfWeek.Sunday,
        DayOfWeekObject.Monday => DayOfWeek.Monday,
        DayOfWeekObject.Tuesday => DayOfWeek.Tuesday,
        DayOfWeekObject.Wednesday => DayOfWeek.Wednesday,
        DayOfWeekObject.Thursday => DayOfWeek.Thursday,
        DayOfWeekObject.Friday => DayOfWeek.Friday,
        _ => DayOfWeek.Saturday,
    };

    public static CalendarEvent ToDomain(Event evt) => new(
        evt.Id ?? string.Empty,
        ToInstant(evt.Start) ?? DateTimeOffset.MinValue,
        ToInstant(evt.End) ?? DateTimeOffset.MinValue,
        evt.IsAllDay ?? false,
        ToDomain(evt.ShowAs),
        evt.Categories?.Where(c => c is not null).Select(c => c!).ToList() ?? [],
        evt.Attendees?.Select(a => a.EmailAddress?.Address).Where(a => !string.IsNullOrEmpty(a)).Select(a => a!).ToList() ?? []);
}
