using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.CoachingTime;
using static CoachBot.Coaching.Tests.FieldDays.Cal;

namespace CoachBot.Coaching.Tests.CoachingTime;

/// <summary>Issue 16, item 3: events are classed field day / debrief / 1:1 (coaching), deal call (team selling) or not counted; the manager's corrections win.</summary>
public class EventClassTests
{
    private const string Manager = "maya@contoso.example";
    private const string Dana = "dana@contoso.example";
    private const string Lee = "lee@contoso.example";
    private const string Customer = "buyer@fabrikam.example";
    private static readonly HashSet<string> Reports = [Dana, Lee];
    private static readonly WorkingHours Hours = WorkingHours.Default(Berlin);
    // Monday 9 Mar 2026 08:00 Berlin: the last 7 days hold five 9-hour working days = 2,700 minutes.
    private static readonly DateTimeOffset AsOf = At("2026-03-09 08:00", Berlin);

    private static CalendarEvent Ev(string id, string start, string end, string[]? categories = null, params string[] attendees) =>
        new(id, At(start, Berlin), At(end, Berlin), false, FreeBusyStatus.Busy, categories ?? [], attendees);

    private static readonly CalendarEvent FieldDayWithDana = Ev("fd", "2026-03-03 08:00", "2026-03-03 12:00", [CoachingTimeCalculator.FieldDayCategory], Dana);
    private static readonly CalendarEvent DebriefWithDana = Ev("deb", "2026-03-04 09:00", "2026-03-04 10:00", null, Manager, Dana);
    private static readonly CalendarEvent OneOnOneWithLee = Ev("one", "2026-03-04 11:00", "2026-03-04 12:00", null, Lee);
    private static readonly CalendarEvent DealCallWithDana = Ev("deal", "2026-03-05 14:00", "2026-03-05 16:00", null, Manager, Dana, Customer);
    private static readonly CalendarEvent TeamMeeting = Ev("team", "2026-03-06 09:00", "2026-03-06 10:00", null, Dana, Lee);
    private static readonly CalendarEvent Internal = Ev("internal", "2026-03-06 13:00", "2026-03-06 14:00", null, "cfo@contoso.example");

    private static readonly CalendarEvent[] Week = [FieldDayWithDana, DebriefWithDana, OneOnOneWithLee, DealCallWithDana, TeamMeeting, Internal];

    private static CoachingTimeWindow Compute(IReadOnlyDictionary<string, EventCorrection>? corrections = null, params CalendarEvent[] events) =>
        CoachingTimeCalculator.Compute(events, Manager, Hours, Reports, AsOf, 50, corrections).Last7Days;

    [Fact]
    public void Each_event_gets_its_class_and_deal_calls_are_not_coaching_time()
    {
        var w = Compute(null, Week);

        Assert.Equal(new EventClassCounts(FieldDays: 1, Debriefs: 1, OneOnOnes: 1, MarkedCoaching: 0, DealCalls: 1), w.Counts);
        Assert.Equal(240, w.FieldDayMinutes);
        Assert.Equal(60, w.DebriefMinutes);
        Assert.Equal(60, w.OneOnOneMinutes);
        Assert.Equal(120, w.DealCallMinutes);
        Assert.Equal(360, w.CoachingMinutes);
        Assert.Equal(13.3, w.SharePercent);
        var classes = w.Events.ToDictionary(e => e.EventId, e => e.Class);
        Assert.Equal(CoachingEventClass.DealCall, classes["deal"]);
        Assert.Equal(CoachingEventClass.NotCounted, classes["team"]);   // listed (reps on it) but not counted
        Assert.DoesNotContain("internal", classes.Keys);                 // no rep on it: not listed
        Assert.Equal(1, w.Events.Single(e => e.EventId == "deal").ExternalAttendees);
        Assert.Equal([Dana], w.Events.Single(e => e.EventId == "deal").RepIds);
        // Newest first.
        Assert.Equal("team", w.Events[0].EventId);
    }

    [Fact]
    public void A_one_on_one_is_a_debrief_only_within_three_days_after_a_field_day_with_that_rep()
    {
        var late = Ev("late", "2026-03-06 15:00", "2026-03-06 16:00", null, Dana);       // 3 days 3 hours after: a 1:1
        var inside = Ev("inside", "2026-03-03 10:00", "2026-03-03 11:00", null, Dana);   // during the field day: a 1:1
        var otherRep = Ev("lee", "2026-03-03 13:00", "2026-03-03 14:00", null, Lee);     // another rep: a 1:1
        var w = Compute(null, FieldDayWithDana, late, inside, otherRep);

        Assert.All(w.Events.Where(e => e.EventId != "fd"), e => Assert.Equal(CoachingEventClass.OneOnOne, e.Class));
        Assert.Equal(CoachingEventClass.Debrief, Compute(null, FieldDayWithDana, DebriefWithDana).Events.Single(e => e.EventId == "deb").Class);
    }

    [Theory]
    [InlineData(EventClassifier.DealHelpCategory, CoachingEventClass.DealCall)]
    [InlineData(EventClassifier.DebriefCategory, CoachingEventClass.Debrief)]
    [InlineData(CoachingTimeCalculator.FieldDayCategory, CoachingEventClass.FieldDay)]
    public void CoachBot_categories_decide_before_the_attendees(string category, CoachingEventClass expected)
    {
        // A rep and a customer on it would otherwise be a deal call; a 1:1 would otherwise be a 1:1.
        var withCustomer = Ev("c", "2026-03-04 09:00", "2026-03-04 10:00", [category.ToUpperInvariant()], Dana, Customer);
        var oneOnOne = Ev("o", "2026-03-05 09:00", "2026-03-05 10:00", [category], Dana);
        var w = Compute(null, withCustomer, oneOnOne);

        Assert.All(w.Events, e => Assert.Equal(expected, e.Class));
    }

    [Fact]
    public void Colleagues_in_the_managers_domain_are_not_external_and_ids_without_a_domain_are_internal()
    {
        var withColleague = Ev("x", "2026-03-04 09:00", "2026-03-04 10:00", null, Dana, "se@contoso.example");
        var withObjectId = Ev("y", "2026-03-04 11:00", "2026-03-04 12:00", null, Dana, "3f2a-object-id");
        var w = Compute(null, withColleague, withObjectId);

        Assert.All(w.Events, e => Assert.Equal(CoachingEventClass.NotCounted, e.Class));
        Assert.Equal(0, w.DealCallMinutes);
    }

    [Fact]
    public void The_managers_corrections_change_the_class_and_the_share()
    {
        var before = Compute(null, Week);
        var corrections = new Dictionary<string, EventCorrection>
        {
            ["deal"] = EventCorrection.Coaching,   // "this was coaching": the call was a field visit after all
            ["one"] = EventCorrection.DealCall,    // "this was a deal call": the 1:1 was a deal review
            ["team"] = EventCorrection.Coaching,   // a team session the manager counts as coaching
        };
        var after = Compute(corrections, Week);

        Assert.Equal(new EventClassCounts(1, 1, 0, 2, 1), after.Counts);
        Assert.Equal(180, after.MarkedCoachingMinutes);
        Assert.Equal(60, after.DealCallMinutes);
        Assert.Equal(240 + 60 + 120 + 60, after.CoachingMinutes);
        Assert.True(after.SharePercent > before.SharePercent);
        Assert.True(after.Events.Single(e => e.EventId == "deal").Corrected);
        Assert.True(after.Events.Single(e => e.EventId == "one").Corrected);
    }

    [Fact]
    public void A_correction_that_agrees_with_the_rules_changes_nothing_and_is_not_marked()
    {
        var corrections = new Dictionary<string, EventCorrection> { ["fd"] = EventCorrection.Coaching, ["deal"] = EventCorrection.DealCall, ["gone"] = EventCorrection.Coaching };
        var w = Compute(corrections, Week);

        Assert.Equal(Compute(null, Week).Counts, w.Counts);
        Assert.DoesNotContain(w.Events, e => e.Corrected);
    }

    [Fact]
    public void Free_events_are_never_classed_or_listed()
    {
        var free = new CalendarEvent("free", At("2026-03-04 09:00", Berlin), At("2026-03-04 10:00", Berlin), false, FreeBusyStatus.Free, [], [Dana, Customer]);
        var w = Compute(new Dictionary<string, EventCorrection> { ["free"] = EventCorrection.Coaching }, free);

        Assert.Empty(w.Events);
        Assert.Equal(EventClassCounts.None, w.Counts);
    }

    [Fact]
    public void Overlapping_coaching_classes_count_once_and_a_deal_call_inside_a_field_day_takes_nothing_off_it()
    {
        var callDuringFieldDay = Ev("call", "2026-03-03 09:00", "2026-03-03 10:00", null, Dana, Customer);
        var w = Compute(null, FieldDayWithDana, callDuringFieldDay);

        Assert.Equal(240, w.CoachingMinutes);
        Assert.Equal(60, w.DealCallMinutes);
    }
}
