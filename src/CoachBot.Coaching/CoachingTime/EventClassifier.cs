using CoachBot.Coaching.Calendar;

namespace CoachBot.Coaching.CoachingTime;

/// <summary>
/// Sorts a manager's events into coaching (field day, debrief, 1:1), team selling (deal call) and the rest. Rules, first
/// match wins: the manager's correction; category "CoachBot deal help" → deal call; category "CoachBot field day" → field
/// day; category "CoachBot debrief" → debrief; a direct report and at least one external attendee → deal call; a 1:1
/// with a direct report → debrief when it starts within <see cref="DebriefDays"/> days after a field day with that rep
/// ended, else 1:1; anything else → not counted. External means an address whose domain is none of the manager's and the
/// direct reports' domains (ids without a domain are internal). No subject or body is read.
/// </summary>
public static class EventClassifier
{
    public const string DealHelpCategory = "CoachBot deal help";
    public const string DebriefCategory = "CoachBot debrief";
    public const int DebriefDays = 3;

    public static IReadOnlyList<ClassifiedEvent> Classify(
        IReadOnlyList<CalendarEvent> events, string managerId, IReadOnlySet<string> directReportIds,
        IReadOnlyDictionary<string, EventCorrection>? corrections = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(managerId);
        ArgumentNullException.ThrowIfNull(directReportIds);
        var reports = new HashSet<string>(directReportIds, StringComparer.OrdinalIgnoreCase);
        var domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in reports.Append(managerId)) if (Domain(id) is { } d) domains.Add(d);

        // Field days per rep, for "a 1:1 shortly after a field day is its debrief".
        var fieldDayEnds = new List<(string Rep, DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var e in events)
            if (e is not null && e.ShowAs != FreeBusyStatus.Free && HasCategory(e, CoachingTimeCalculator.FieldDayCategory))
                foreach (var a in e.AttendeeIds ?? []) if (a is not null && reports.Contains(a)) fieldDayEnds.Add((a, e.Start, e.End));

        var result = new List<ClassifiedEvent>(events.Count);
        foreach (var e in events)
        {
            if (e is null || e.ShowAs == FreeBusyStatus.Free) continue;
            var others = (e.AttendeeIds ?? []).Where(a => !string.IsNullOrWhiteSpace(a) && !string.Equals(a, managerId, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var reps = others.Where(reports.Contains).ToList();
            var external = others.Count(a => Domain(a) is { } d && !domains.Contains(d));
            var automatic = Automatic(e, others, reps, external, fieldDayEnds);
            var (cls, corrected) = corrections is not null && e.Id is { Length: > 0 } && corrections.TryGetValue(e.Id, out var fix)
                ? Apply(automatic, fix) : (automatic, false);
            result.Add(new ClassifiedEvent(e.Id ?? "", e.Start, e.End, cls, reps, external, corrected));
        }
        return result;
    }

    private static CoachingEventClass Automatic(CalendarEvent e, List<string> others, List<string> reps, int external,
        List<(string Rep, DateTimeOffset Start, DateTimeOffset End)> fieldDays)
    {
        if (HasCategory(e, DealHelpCategory)) return CoachingEventClass.DealCall;
        if (HasCategory(e, CoachingTimeCalculator.FieldDayCategory)) return CoachingEventClass.FieldDay;
        if (HasCategory(e, DebriefCategory)) return CoachingEventClass.Debrief;
        if (reps.Count > 0 && external > 0) return CoachingEventClass.DealCall;
        if (others.Count != 1 || reps.Count != 1) return CoachingEventClass.NotCounted;
        var rep = reps[0];
        return fieldDays.Any(f => string.Equals(f.Rep, rep, StringComparison.OrdinalIgnoreCase) && e.Start >= f.End && e.Start <= f.End.AddDays(DebriefDays))
            ? CoachingEventClass.Debrief : CoachingEventClass.OneOnOne;
    }

    private static (CoachingEventClass, bool) Apply(CoachingEventClass automatic, EventCorrection fix) => fix switch
    {
        EventCorrection.DealCall => (CoachingEventClass.DealCall, automatic != CoachingEventClass.DealCall),
        _ when automatic is CoachingEventClass.FieldDay or CoachingEventClass.Debrief or CoachingEventClass.OneOnOne => (automatic, false),
        _ => (CoachingEventClass.MarkedCoaching, true),
    };

    internal static bool HasCategory(CalendarEvent e, string category) =>
        e.Categories is { } cats && cats.Any(c => string.Equals(c?.Trim(), category, StringComparison.OrdinalIgnoreCase));

    private static string? Domain(string id)
    {
        var at = id.LastIndexOf('@');
        return at >= 0 && at < id.Length - 1 ? id[(at + 1)..] : null;
    }
}
