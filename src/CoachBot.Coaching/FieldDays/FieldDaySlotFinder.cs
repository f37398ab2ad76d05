namespace CoachBot.Coaching.FieldDays;

/// <summary>
/// Finds and ranks field-day slots (a half or full day with one rep) in the manager's and the reps' calendars.
/// Pure and deterministic: same input, same output. The rules are in docs/field-days.md; in short:
/// <list type="bullet">
/// <item>Each manager working day of the horizon, the shared working window is the overlap of the manager's working
/// hours and the rep's (each built in its own time zone, DST-correct, then compared as instants). A slot is
/// flush with the start or with the end of that window and must fit in it.</item>
/// <item>Busy overlap excludes the slot; Oof excludes the whole local day of whoever is Oof; Tentative, Unknown and
/// WorkingElsewhere keep the slot but rank it below every clean slot.</item>
/// <item>Ranking: Emerging over Developing over Top, reps who asked, reps not visited longest, earlier dates slightly;
/// at most one slot per rep per day, and each further slot for the same rep costs points so suggestions spread across reps.</item>
/// </list>
/// Cost: one sort of each person's busy items inside the horizon, then one forward sweep per manager-rep pair.
/// </summary>
public static class FieldDaySlotFinder
{
    internal const double CleanBand = 100;
    internal const double AskedPoints = 30;
    internal const double VisitPointsMax = 20;
    internal const int VisitSaturationDays = 84;
    internal const double EarlinessPointsMax = 5;
    internal const double RepeatPenalty = 20;

    /// <summary>Hard limit on the horizon, to keep a bad input from sweeping for ever.</summary>
    public const int MaxWorkingDays = 400;

    internal static double TierPoints(RepTier tier) => tier switch
    {
        RepTier.Emerging => 40,
        RepTier.Developing => 25,
        RepTier.Top => 10,
        _ => 0,
    };

    /// <summary>Ranked suggestions, best first, at most <see cref="FieldDayOptions.MaxSuggestions"/>.</summary>
    /// <exception cref="ArgumentException">Missing schedules, no reps, a non-positive length or max suggestions.</exception>
    /// <exception cref="TimeZoneNotFoundException">A working-hours time zone id this machine does not know.</exception>
    public static IReadOnlyList<FieldDaySlot> Find(FieldDaySlotQuery request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Manager);
        ArgumentNullException.ThrowIfNull(request.Reps);
        var options = request.Options ?? FieldDayOptions.Default;
        var duration = (request.Length == FieldDayLength.FullDay ? options.FullDayDuration : options.HalfDayDuration).Ticks;
        if (duration <= 0) throw new ArgumentException("Field-day duration must be positive.", nameof(request));
        if (options.MaxSuggestions <= 0) throw new ArgumentException("MaxSuggestions must be positive.", nameof(request));
        var workingDays = Math.Min(request.WorkingDays, MaxWorkingDays);
        if (workingDays <= 0 || request.Reps.Count == 0) return [];

        var managerZone = ZonedClock.Find(request.Manager.WorkingHours.TimeZoneId);
        var horizonStart = request.HorizonStart.UtcTicks;
        var today = ZonedClock.LocalDate(horizonStart, managerZone);
        var days = ManagerDays(request.Manager.WorkingHours, managerZone, today, workingDays, options, horizonStart);
        if (days.Count == 0) return [];

        var from = Math.Min(days[0].Start, horizonStart) - TimeSpan.TicksPerDay;
        var to = days[^1].End + TimeSpan.TicksPerDay;
        var manager = PreparedSchedule.Prepare(request.Manager, from, to);

        var perRep = new List<Candidate>[request.Reps.Count];
        for (var r = 0; r < request.Reps.Count; r++)
        {
            var rep = request.Reps[r] ?? throw new ArgumentException("A rep is null.", nameof(request));
            var prepared = PreparedSchedule.Prepare(rep.Schedule, from, to);
            perRep[r] = Sweep(manager, prepared, rep, r, days, duration, workingDays, options, horizonStart, today);
        }
        return Select(request, perRep, manager.Zone, today, options.MaxSuggestions);
    }

    private readonly record struct ManagerDay(DateOnly Date, int Index, long Start, long End);

    [Flags]
    private enum Soft
    {
        None = 0,
        ManagerTentative = 1,
        RepTentative = 2,
        ManagerElsewhere = 4,
        RepElsewhere = 8,
    }

    private sealed record Candidate(int Rep, DateOnly Date, long Start, long End, Soft Soft, double Base)
    {
        public bool Clean => Soft == Soft.None;
    }

    private static List<ManagerDay> ManagerDays(Calendar.WorkingHours hours, TimeZoneInfo zone, DateOnly first, int workingDays, FieldDayOptions options, long horizonStart)
    {
        var result = new List<ManagerDay>(workingDays);
        if (hours.Days is null || hours.Days.Count == 0) return result;
        var index = 0;
        for (var date = first; index < workingDays; date = date.AddDays(1))
        {
            if (!ZonedClock.TryWorkingWindow(hours, zone, date, out var start, out var end))
            {
                if (hours.Days.Contains(date.DayOfWeek)) index++; // a degenerate window still counts as a day of the horizon
                continue;
            }
            var i = index++;
            if (options.AvoidDates.Contains(date) || options.AvoidDays.Contains(date.DayOfWeek)) continue;
            if (options.EarliestStart is { } earliest)
                start = Math.Max(start, ZonedClock.ToUtcTicks(date, earliest, zone));
            if (end <= horizonStart || end <= start) continue;
            result.Add(new ManagerDay(date, i, start, end));
        }
        return result;
    }

    private static List<Candidate> Sweep(
        PreparedSchedule manager, PreparedSchedule rep, FieldDayRep info, int repIndex, List<ManagerDay> days,
        long duration, int workingDays, FieldDayOptions options, long horizonStart, DateOnly today)
    {
        var result = new List<Candidate>();
        var repBase = TierPoints(info.Tier) + (info.AskedForFieldTime ? AskedPoints : 0) + VisitPoints(info.LastFieldDay, today);
        int mHard = 0, mTent = 0, mElse = 0, rHard = 0, rTent = 0, rElse = 0;
        var lastQuery = long.MinValue;
        var repZone = rep.Zone;
        var managerZone = manager.Zone;
        var repPastMidnight = rep.Hours.End <= rep.Hours.Start;
        Span<long> anchors = stackalloc long[2];

        foreach (var day in days)
        {
            if (manager.OofDays.Contains(day.Date)) continue;
            if (info.LastFieldDay is { } last && Math.Abs(day.Date.DayNumber - last.DayNumber) < options.MinDaysSinceLastFieldDay) continue;

            Candidate? best = null;
            // Hours that run past midnight can reach into this day from the rep's previous local day.
            var firstRepDate = ZonedClock.LocalDate(day.Start, repZone).AddDays(repPastMidnight ? -1 : 0);
            var lastRepDate = ZonedClock.LocalDate(day.End - 1, repZone);
            for (var repDate = firstRepDate; repDate <= lastRepDate && best is not { Clean: true }; repDate = repDate.AddDays(1))
            {
                if (!ZonedClock.TryWorkingWindow(rep.Hours, repZone, repDate, out var rs, out var re)) continue;
                if (options.EarliestStart is { } earliest) rs = Math.Max(rs, ZonedClock.ToUtcTicks(repDate, earliest, repZone));
                var ws = Math.Max(day.Start, rs);
                var we = Math.Min(day.End, re);
                if (we - ws < duration) continue;

                anchors[0] = ws;
                anchors[1] = we - duration;
                var count = anchors[1] == anchors[0] ? 1 : 2;
                for (var k = 0; k < count; k++)
                {
                    var a = anchors[k];
                    var e = a + duration;
                    if (a < horizonStart) continue;
                    if (a < lastQuery)
                    {
                        // Overlapping working windows (hours past midnight): restart the cursors; never in ordinary data.
                        mHard = mTent = mElse = rHard = rTent = rElse = 0;
                    }
                    lastQuery = a;
                    if (manager.Hard.Overlaps(ref mHard, a, e) || rep.Hard.Overlaps(ref rHard, a, e)) continue;
                    if (rep.OofDays.Count > 0 && (rep.OofDays.Contains(ZonedClock.LocalDate(a, repZone)) || rep.OofDays.Contains(ZonedClock.LocalDate(e - 1, repZone)))) continue;
                    if (manager.OofDays.Count > 0 && manager.OofDays.Contains(ZonedClock.LocalDate(e - 1, managerZone))) continue;

                    var soft = Soft.None;
                    if (manager.Tentative.Overlaps(ref mTent, a, e)) soft |= Soft.ManagerTentative;
                    if (rep.Tentative.Overlaps(ref rTent, a, e)) soft |= Soft.RepTentative;
                    if (manager.Elsewhere.Overlaps(ref mElse, a, e)) soft |= Soft.ManagerElsewhere;
                    if (rep.Elsewhere.Overlaps(ref rElse, a, e)) soft |= Soft.RepElsewhere;

                    if (soft == Soft.None || best is null)
                    {
                        var earliness = workingDays <= 1 ? EarlinessPointsMax : EarlinessPointsMax * (workingDays - 1 - day.Index) / (workingDays - 1);
                        best = new Candidate(repIndex, day.Date, a, e, soft, repBase + earliness);
                        if (soft == Soft.None) break;
                    }
                }
            }
            if (best is not null) result.Add(best);
        }
        // Clean first, then by date: the order in which this rep's candidates are worth taking.
        result.Sort(static (x, y) => x.Clean != y.Clean ? (x.Clean ? -1 : 1) : x.Start.CompareTo(y.Start));
        return result;
    }

    internal static double VisitPoints(DateOnly? lastFieldDay, DateOnly today)
    {
        if (lastFieldDay is not { } last) return VisitPointsMax;
        var days = today.DayNumber - last.DayNumber;
        if (days <= 0) return 0;
        return VisitPointsMax * Math.Min(days, VisitSaturationDays) / VisitSaturationDays;
    }

    private static double Score(Candidate c, int picksOfRep) =>
        Math.Round((c.Clean ? CleanBand : 0) + Math.Max(0, c.Base - (RepeatPenalty * picksOfRep)), 2);

    /// <summary>
    /// Greedy pick: each step takes the best head of any rep's list, scored with a penalty for every slot that rep already has.
    /// Scores can only fall from one step to the next, so the output is sorted by score.
    /// </summary>
    private static List<FieldDaySlot> Select(FieldDaySlotQuery request, List<Candidate>[] perRep, TimeZoneInfo managerZone, DateOnly today, int max)
    {
        var heads = new int[perRep.Length];
        var result = new List<FieldDaySlot>(max);
        while (result.Count < max)
        {
            var bestRep = -1;
            var bestScore = double.MinValue;
            for (var r = 0; r < perRep.Length; r++)
            {
                if (heads[r] >= perRep[r].Count) continue;
                var c = perRep[r][heads[r]];
                var score = Score(c, heads[r]);
                if (bestRep < 0 || IsBetter(score, c, r, bestScore, perRep[bestRep][heads[bestRep]], bestRep, request))
                {
                    bestRep = r;
                    bestScore = score;
                }
            }
            if (bestRep < 0) break;
            var pick = perRep[bestRep][heads[bestRep]];
            heads[bestRep]++;
            var rep = request.Reps[bestRep];
            result.Add(new FieldDaySlot(
                rep.UserId,
                rep.Name,
                ZonedClock.ToOffset(pick.Start, managerZone),
                ZonedClock.ToOffset(pick.End, managerZone),
                request.Length,
                bestScore,
                ToConflicts(pick.Soft),
                SlotReason.Describe(rep, pick.Start, pick.End, request.Length, ToSoftText(pick.Soft, rep.Name), managerZone, ZonedClock.Find(rep.Schedule.WorkingHours.TimeZoneId), today)));
        }
        return result;
    }

    private static bool IsBetter(double score, Candidate c, int r, double bestScore, Candidate best, int bestRep, FieldDaySlotQuery request)
    {
        if (score != bestScore) return score > bestScore;
        if (c.Start != best.Start) return c.Start < best.Start;
        var byId = string.CompareOrdinal(request.Reps[r].UserId, request.Reps[bestRep].UserId);
        return byId != 0 ? byId < 0 : r < bestRep;
    }

    private static SlotConflicts ToConflicts(Soft soft) =>
        ((soft & (Soft.ManagerTentative | Soft.RepTentative)) != 0 ? SlotConflicts.Tentative : SlotConflicts.None)
        | ((soft & (Soft.ManagerElsewhere | Soft.RepElsewhere)) != 0 ? SlotConflicts.WorkingElsewhere : SlotConflicts.None);

    private static List<string> ToSoftText(Soft soft, string name)
    {
        var parts = new List<string>(4);
        if ((soft & Soft.ManagerTentative) != 0) parts.Add("a tentative item on your calendar");
        if ((soft & Soft.RepTentative) != 0) parts.Add($"a tentative item on {name}'s calendar");
        if ((soft & Soft.ManagerElsewhere) != 0) parts.Add("you are marked working elsewhere");
        if ((soft & Soft.RepElsewhere) != 0) parts.Add($"{name} is marked working elsewhere");
        return parts;
    }
}
