using System.Globalization;
using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.FieldDays;

namespace CoachBot.Coaching.CoachingTime;

/// <summary>
/// How much of a manager's working time went into developing reps (docs/product.md, "Half the week on coaching": half of a
/// manager's past week or more should go into developing reps).
/// <para>Counted: the coaching classes of <see cref="EventClassifier"/> (field days, debriefs, 1:1s with a direct report, and
/// events the manager marked as coaching); deal calls (team selling) are measured apart and never counted. Events shown as
/// Free are not counted. Every event is clipped to the manager's working hours (their time zone, DST-correct) and to the
/// window, and overlapping events count once.</para>
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
        double targetPercent = DefaultTargetPercent,
        IReadOnlyDictionary<string, EventCorrection>? corrections = null)
    {
        ArgumentNullException.ThrowIfNull(managerEvents);
        ArgumentNullException.ThrowIfNull(managerId);
        ArgumentNullException.ThrowIfNull(managerHours);
        ArgumentNullException.ThrowIfNull(directReportIds);
        if (double.IsNaN(targetPercent) || targetPercent < 0 || targetPercent > 100)
            throw new ArgumentOutOfRangeException(nameof(targetPercent), targetPercent, "Target must be between 0 and 100.");

        var zone = ZonedClock.Find(managerHours.TimeZoneId);
        var classified = EventClassifier.Classify(managerEvents, managerId, directReportIds, corrections);
        var week = Window(7, classified, managerHours, asOf, zone, targetPercent);
        var month = Window(28, classified, managerHours, asOf, zone, targetPercent);
        return new CoachingTimeReport(week, month, targetPercent, Explain(week, month, managerHours, targetPercent));
    }

    /// <summary>Whether the event counts as a CoachBot field day.</summary>
    public static bool IsFieldDay(CalendarEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return EventClassifier.HasCategory(e, FieldDayCategory);
    }

    private static CoachingTimeWindow Window(
        int days, IReadOnlyList<ClassifiedEvent> events, WorkingHours hours, DateTimeOffset asOf, TimeZoneInfo zone, double target)
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

        var byClass = new Dictionary<CoachingEventClass, List<(long, long)>>();
        var inWindow = new List<ClassifiedEvent>();
        foreach (var ev in events)
        {
            var s = Math.Max(ev.Start.UtcTicks, from);
            var e = Math.Min(ev.End.UtcTicks, to);
            if (e <= s) continue;
            if (ev.Class != CoachingEventClass.NotCounted || ev.RepIds.Count > 0 || ev.Corrected) inWindow.Add(ev);
            if (!byClass.TryGetValue(ev.Class, out var list)) byClass[ev.Class] = list = [];
            list.Add((s, e));
        }
        double ClassMinutes(params CoachingEventClass[] classes)
        {
            var all = new List<(long, long)>();
            foreach (var c in classes) if (byClass.TryGetValue(c, out var l)) all.AddRange(l);
            return Minutes(Clip(Merge(all), workSet));
        }
        int Count(CoachingEventClass c) => byClass.TryGetValue(c, out var l) ? l.Count : 0;

        var workMinutes = Minutes(workSet.CoveredTicks(long.MinValue, long.MaxValue));
        var coachingMinutes = ClassMinutes(CoachingEventClass.FieldDay, CoachingEventClass.Debrief, CoachingEventClass.OneOnOne, CoachingEventClass.MarkedCoaching);
        var share = workMinutes <= 0 ? 0 : Math.Round(100 * coachingMinutes / workMinutes, 1);
        return new CoachingTimeWindow(
            days, ZonedClock.ToOffset(from, zone), ZonedClock.ToOffset(to, zone),
            workMinutes, ClassMinutes(CoachingEventClass.FieldDay), ClassMinutes(CoachingEventClass.OneOnOne), coachingMinutes, share, share >= target)
        {
            DebriefMinutes = ClassMinutes(CoachingEventClass.Debrief),
            MarkedCoachingMinutes = ClassMinutes(CoachingEventClass.MarkedCoaching),
            DealCallMinutes = ClassMinutes(CoachingEventClass.DealCall),
            Counts = new EventClassCounts(Count(CoachingEventClass.FieldDay), Count(CoachingEventClass.Debrief), Count(CoachingEventClass.OneOnOne),
                Count(CoachingEventClass.MarkedCoaching), Count(CoachingEventClass.DealCall)),
            Events = [.. inWindow.OrderByDescending(x => x.Start)],
        };
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
            $"Coaching time is the time in events categorised \"{FieldDayCategory}\", debriefs and 1:1s with a direct report " +
            $"(exactly one attendee besides you, who reports to you), plus events you marked as coaching; deal calls (a rep with " +
            $"customers: team selling) are not counted. Events shown as Free are left out, overlaps counted once, " +
            $"clipped to your working hours ({days} {hours.Start:HH\\:mm}–{hours.End:HH\\:mm}, {hours.TimeZoneId}). " +
            $"Last 7 days: {week.CoachingMinutes / 60:0.#} h of {week.WorkingMinutes / 60:0.#} h working time = {week.SharePercent:0.#}%. " +
            $"Last 28 days: {month.CoachingMinutes / 60:0.#} h of {month.WorkingMinutes / 60:0.#} h = {month.SharePercent:0.#}%. " +
            $"Target: {target:0.#}%.");
    }
}
