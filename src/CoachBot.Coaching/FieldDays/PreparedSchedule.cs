using CoachBot.Coaching.Calendar;

namespace CoachBot.Coaching.FieldDays;

/// <summary>A person's schedule made ready for a sweep: time zone resolved, busy items split by status, sorted and merged once.</summary>
internal sealed class PreparedSchedule
{
    private PreparedSchedule(PersonSchedule schedule, TimeZoneInfo zone, IntervalSet hard, IntervalSet tentative, IntervalSet elsewhere, HashSet<DateOnly> oofDays)
    {
        Schedule = schedule;
        Zone = zone;
        Hard = hard;
        Tentative = tentative;
        Elsewhere = elsewhere;
        OofDays = oofDays;
    }

    public PersonSchedule Schedule { get; }
    public TimeZoneInfo Zone { get; }
    public WorkingHours Hours => Schedule.WorkingHours;

    /// <summary>Busy and Oof: a slot may not overlap these.</summary>
    public IntervalSet Hard { get; }

    /// <summary>Tentative and Unknown: allowed, ranked below clean slots.</summary>
    public IntervalSet Tentative { get; }

    /// <summary>WorkingElsewhere: allowed, ranked below clean slots.</summary>
    public IntervalSet Elsewhere { get; }

    /// <summary>Local dates (own zone) touched by an Oof item: no slot on them.</summary>
    public HashSet<DateOnly> OofDays { get; }

    /// <summary>Keeps only items overlapping [fromTicks, toTicks) (UTC) so a year of calendar costs nothing when the horizon is two weeks.</summary>
    public static PreparedSchedule Prepare(PersonSchedule schedule, long fromTicks, long toTicks)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(schedule.WorkingHours);
        var zone = ZonedClock.Find(schedule.WorkingHours.TimeZoneId);
        var busy = schedule.Busy ?? [];
        var n = busy.Count;
        // First pass sizes the buffers to what falls inside the horizon: two weeks out of a year allocate two weeks.
        int hardCount = 0, tentativeCount = 0, elsewhereCount = 0;
        for (var i = 0; i < n; i++)
        {
            var b = busy[i];
            if (b is null || !Inside(b, fromTicks, toTicks)) continue;
            switch (b.Status)
            {
                case FreeBusyStatus.Busy or FreeBusyStatus.Oof: hardCount++; break;
                case FreeBusyStatus.Tentative or FreeBusyStatus.Unknown: tentativeCount++; break;
                case FreeBusyStatus.WorkingElsewhere: elsewhereCount++; break;
                default: break;
            }
        }
        long[] hs = new long[hardCount], he = new long[hardCount], ts = new long[tentativeCount], te = new long[tentativeCount], es = new long[elsewhereCount], ee = new long[elsewhereCount];
        int hn = 0, tn = 0, en = 0;
        var oof = new HashSet<DateOnly>();
        for (var i = 0; i < n; i++)
        {
            var b = busy[i];
            if (b is null || !Inside(b, fromTicks, toTicks)) continue;
            var s = b.Start.UtcTicks;
            var e = b.End.UtcTicks;
            switch (b.Status)
            {
                case FreeBusyStatus.Busy:
                    hs[hn] = s; he[hn++] = e;
                    break;
                case FreeBusyStatus.Oof:
                    hs[hn] = s; he[hn++] = e;
                    AddLocalDays(oof, Math.Max(s, fromTicks), Math.Min(e, toTicks), zone);
                    break;
                case FreeBusyStatus.Tentative:
                case FreeBusyStatus.Unknown:
                    ts[tn] = s; te[tn++] = e;
                    break;
                case FreeBusyStatus.WorkingElsewhere:
                    es[en] = s; ee[en++] = e;
                    break;
                case FreeBusyStatus.Free:
                default:
                    break;
            }
        }
        return new PreparedSchedule(schedule, zone, IntervalSet.Build(hs, he, hn), IntervalSet.Build(ts, te, tn), IntervalSet.Build(es, ee, en), oof);
    }

    private static bool Inside(BusyInterval b, long fromTicks, long toTicks)
    {
        var s = b.Start.UtcTicks;
        var e = b.End.UtcTicks;
        return e > s && e > fromTicks && s < toTicks;
    }

    private static void AddLocalDays(HashSet<DateOnly> days, long start, long end, TimeZoneInfo zone)
    {
        var first = ZonedClock.LocalDate(start, zone);
        var last = ZonedClock.LocalDate(end - 1, zone);
        for (var d = first; d <= last; d = d.AddDays(1)) days.Add(d);
    }
}
