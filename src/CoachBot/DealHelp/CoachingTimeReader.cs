using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.Nudges;
using CoachBot.FieldDays;
using CoachBot.Graph;
using CoachBot.Graph.Directory;
using CoachBot.Storage.DealHelp;

namespace CoachBot.DealHelp;

/// <summary>
/// A manager's coaching time with their own corrections applied: the one place the host turns calendar events into the
/// nudge card's coaching-time line (share, counts per class, the events the manager can correct). The leader's weekly
/// figures use the same calculator and the same corrections.
/// </summary>
internal sealed class CoachingTimeReader(ICalendarDirectory calendar, ITeamDirectory team, EventCorrectionStore corrections)
{
    private const int MaxEventsListed = 12;

    /// <summary>The last 7 days from events already read (the nudge reads them for field-day slots too).</summary>
    public async Task<CoachingTimeWindow> ComputeAsync(
        string tenantId, string managerId, IReadOnlyList<CalendarEvent> events, string managerAddress, WorkingHours hours,
        IReadOnlySet<string> reportAddresses, DateTimeOffset now, double target, CancellationToken ct) =>
        CoachingTimeCalculator.Compute(events, managerAddress, hours, reportAddresses, now, target,
            await corrections.ListAsync(tenantId, managerId, ct).ConfigureAwait(false)).Last7Days;

    /// <summary>Reads everything from Graph again (after a correction from the card) and returns the new line; throws <see cref="GraphException"/>.</summary>
    public async Task<CoachingTimeLine> ReadLineAsync(string tenantId, string managerId, DateTimeOffset now, double target, CancellationToken ct)
    {
        var hours = (await calendar.GetMailboxSettingsAsync(managerId, ct).ConfigureAwait(false)).WorkingHours;
        var reps = await team.GetRepsAsync(managerId, ct).ConfigureAwait(false);
        var address = (await calendar.GetUserAsync(managerId, ct).ConfigureAwait(false))?.SmtpAddress ?? managerId;
        var events = await calendar.GetEventsAsync(managerId, now.AddDays(-8), now, ct).ConfigureAwait(false);
        var reportAddresses = reps.Select(r => r.SmtpAddress).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var week = await ComputeAsync(tenantId, managerId, events, address, hours, reportAddresses, now, target, ct).ConfigureAwait(false);
        return Line(week, target, reps, hours.TimeZoneId);
    }

    /// <summary>The card's line: share, counts and the events to correct, with rep names and times in the manager's zone.</summary>
    public static CoachingTimeLine Line(CoachingTimeWindow week, double target, IReadOnlyList<DirectoryUser> reps, string? timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(week);
        var names = reps.Where(r => r.SmtpAddress is not null).GroupBy(r => r.SmtpAddress!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.OrdinalIgnoreCase);
        var zone = FieldDayCards.FindZone(timeZoneId);
        return new CoachingTimeLine(week.SharePercent, target, week.SharePercent >= target)
        {
            Counts = week.Counts,
            DealCallMinutes = week.DealCallMinutes,
            Events = [.. week.Events.Take(MaxEventsListed).Select(e => new CoachingTimeEvent(
                e.EventId, TimeZoneInfo.ConvertTime(e.Start, zone), TimeZoneInfo.ConvertTime(e.End, zone), e.Class, Who(e, names), e.Corrected))],
        };
    }

    private static string Who(ClassifiedEvent e, Dictionary<string, string> names)
    {
        var reps = e.RepIds.Select(a => names.TryGetValue(a, out var n) ? n : "a rep").ToList();
        var who = reps.Count == 0 ? "no rep" : string.Join(", ", reps);
        return e.ExternalAttendees switch
        {
            0 => who,
            1 => who + " + 1 external",
            var n => $"{who} + {n} external",
        };
    }
}
