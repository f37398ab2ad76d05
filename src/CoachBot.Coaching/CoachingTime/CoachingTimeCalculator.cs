using System.Globalization;
using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.FieldDays;

namespace CoachBot.Coaching.CoachingTime;

/// <summary>
/// How much of a manager's working time went into developing reps (docs/product.md, "Half the week on coaching": half of a
/// manager's past week or more should go into developing reps).
/// <para>Counted: events in category <see cref="FieldDayCategory"/> (case-insensitive), and 1:1s — events whose attendees,
/// once the manager is removed, are exactly one person who is a direct report. Events shown as Free are not counted.
/// Every counted event is clipped to the manager's working hours (their time zone, DST-correct) and to the window, and
/// overlapping events count once.</para>
/// <para>Windows: from the same local wall-clock time 7 (28) days before <c>asOf</c> until <c>asOf</c>.</para>
/// </summary>
public static class CoachingTimeCalculator
{
    /// <summary>The Outlook category CoachBot puts on the field days it books.</summary>
    public const string FieldDayCategory = "CoachBot field day";

    public const double DefaultTargetPercent = 50;

    public static CoachingTimeReport Compute(
        IReadOnlyList<CalendarEvent> managerEvents,
        string managerId,
        WorkingHours managerHours,
        IReadOnlySet<string> directReportIds,
        DateTimeOffset asOf,
        double targetPercent = DefaultTargetPercent)
    {
        ArgumentNullException.ThrowIfNull(managerEvents);
        ArgumentNullException.ThrowIfNull(managerId);
        ArgumentNullException.ThrowIfNull(managerHours);
        ArgumentNullException.ThrowIfNull(directReportIds);
        if (double.IsNaN(targetPercent) || targetPercent < 0 || targetPercent > 100)
            throw new ArgumentOutOfRangeException(nameof(targetPercent), targetPercent, "Target must be between 0 and 100.");

        var zone = ZonedClock.Find(managerHours.TimeZoneId);
        var week = Window(7, managerEvents, managerId, managerHours, directReportIds, asOf, zone, targetPercent);
        var month = Window(28, managerEvents, managerId, managerHours, directReportIds, asOf, zone, targetPercent);
        return new CoachingTimeReport(week, month, targetPercent, Explain(week, month, managerHours, targetPercent));
    }

    /// <summary>Whether the event counts as a CoachBot field day.</summary>
    public static bool IsFieldDay(CalendarEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Categories is { } cats && cats.Any(c => string.Equals(c?.Trim(), FieldDayCategory, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the event is a 1:1 with a direct report: exactly one attendee other than the manager, and a direct report.</summary>
    public static bool IsOneOnOneWithDirectReport(CalendarEvent e, string managerId, IReadOnlySet<string> directReportIds)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(directReportIds);
        if (e.AttendeeIds is null) return false;
        string? other = null;
        foreach (var id in e.AttendeeIds)
        {
            if (string.IsNullOrWhiteSpace(id) || string.Equals(id, managerId, StringComparison.OrdinalIgnoreCase)) continue;
            if (other is null) other = id;
            else if (!string.Equals(other, id, StringComparison.OrdinalIgnoreCase)) return false;
        }
        return other is not null && (directReportIds.Contains(other) || directReportIds.Any(d => string.Equals(d, other, StringComparison.OrdinalIgnoreCase)));
    }

    private static CoachingTimeWindow Window(
        int days, IReadOnlyList<CalendarEvent> events, string managerId, WorkingHours hours, IReadOnlySet<string> reports,
        DateTimeOffset asOf, TimeZoneInfo zone, double target)
    {
        var to = asOf.UtcTicks;
        var localTo = ZonedClock.ToLocal(to, zone);
        var from = ZonedClock.ToUtcTicks(localTo.AddDays(-days), zone);

        // Working intervals of every local day touching the window (and the day before, for hours past midnight).
        var work = new List<(long Start, long End)>(days + 2);
        for (var d = ZonedClock.LocalDate(from, zone).AddDays(-1); d <= DateOnly.FromDateTime(localTo); d = d.AddDays(1))
        {
            if (!ZonedClock.TryWorkingWindow(hours, zone, d, out var s, out var e)) continue;
            s = Math.Max(s, from);
            e = Math.Min(e, to);
            if (e > s) work.Add((s, e));
        }
        var workSet = Merge(work);

        var field = new List<(long, long)>();
        var oneOnOne = new List<(long, long)>();
        foreach (var ev in events)
        {
            if (ev is null || ev.ShowAs == FreeBusyStatus.Free) continue;
            var s = Math.Max(ev.Start.UtcTicks, from);
            var e = Math.Min(ev.End.UtcTicks, to);
            if (e <= s) continue;
            if (IsFieldDay(ev)) field.Add((s, e));
            else if (IsOneOnOneWithDirectReport(ev, managerId, reports)) oneOnOne.Add((s, e));
        }
        var both = new List<(long, long)>(field.Count + oneOnOne.Count);
        both.AddRange(field);
        both.AddRange(oneOnOne);

        var workMinutes = Minutes(workSet.CoveredTicks(long.MinValue, long.MaxValue));
        var fieldMinutes = Minutes(Clip(Merge(field), workSet));
        var oneMinutes = Minutes(Clip(Merge(oneOnOne), workSet));
        var coachingMinutes = Minutes(Clip(Merge(both), workSet));
        var share = workMinutes <= 0 ? 0 : Math.Round(100 * coachingMinutes / workMinutes, 1);
        return new CoachingTimeWindow(
            days, ZonedClock.ToOffset(from, zone), ZonedClock.ToOffset(to, zone),
            workMinutes, fieldMinutes, oneMinutes, coachingMinutes, share, share >= target);
    }

    private static IntervalSet Merge(List<(long Start, long End)> items)
    {
        var starts = new long[items.Count];
        var ends = new long[items.Count];
        for (var i = 0; i < items.Count; i++) (starts[i], ends[i]) = items[i];
        return IntervalSet.Build(starts, ends, items.Count);
    }

    /// <summary>Ticks of <paramref name="set"/> inside <paramref name="work"/>; both are sorted and disjoint, so one merge walk.</summary>
    private static long Clip(IntervalSet set, IntervalSet work)
    {
        long total = 0;
        int i = 0, j = 0;
        while (i < set.Count && j < work.Count)
        {
            var s = Math.Max(set.StartAt(i), work.StartAt(j));
            var e = Math.Min(set.EndAt(i), work.EndAt(j));
            if (e > s) total += e - s;
            if (set.EndAt(i) < work.EndAt(j)) i++; else j++;
        }
        return total;
    }

    private static double Minutes(long ticks) => Math.Round((double)ticks / TimeSpan.TicksPerMinute, 1);

    private static string Explain(CoachingTimeWindow week, CoachingTimeWindow month, WorkingHours hours, double target)
    {
        var c = CultureInfo.InvariantCulture;
        var days = string.Join(",", hours.Days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3]));
        return string.Create(c,
            $"Coaching time is the time in events categorised \"{FieldDayCategory}\" plus 1:1s with a direct report " +
            $"(exactly one attendee besides you, who reports to you), events shown as Free left out, overlaps counted once, " +
            $"clipped to your working hours ({days} {hours.Start:HH\\:mm}–{hours.End:HH\\:mm}, {hours.TimeZoneId}). " +
            $"Last 7 days: {week.CoachingMinutes / 60:0.#} h of {week.WorkingMinutes / 60:0.#} h working time = {week.SharePercent:0.#}%. " +
            $"Last 28 days: {month.CoachingMinutes / 60:0.#} h of {month.WorkingMinutes / 60:0.#} h = {month.SharePercent:0.#}%. " +
            $"Target: {target:0.#}%.");
    }
}
