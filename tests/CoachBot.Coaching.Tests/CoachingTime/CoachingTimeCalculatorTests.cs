using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.CoachingTime;
using static CoachBot.Coaching.Tests.FieldDays.Cal;

namespace CoachBot.Coaching.Tests.CoachingTime;

public class CoachingTimeCalculatorTests
{
    private const string Manager = "mgr";
    private static readonly HashSet<string> Reports = ["dana", "lee"];
    private static readonly WorkingHours BerlinHours = WorkingHours.Default(Berlin);

    // Monday 9 Mar 2026 08:00 Berlin: the last 7 days are Mon 2 Mar 08:00 .. now, i.e. five 9-hour days = 2,700 minutes.
    private static readonly DateTimeOffset AsOf = At("2026-03-09 08:00", Berlin);

    private static int _ids;

    private static CalendarEvent Event(string start, string end, string[]? categories = null, string[]? attendees = null,
        FreeBusyStatus showAs = FreeBusyStatus.Busy, bool allDay = false, string zone = Berlin) =>
        new($"e{Interlocked.Increment(ref _ids)}", At(start, zone), At(end, zone), allDay, showAs, categories ?? [], attendees ?? []);

    private static CalendarEvent FieldDay(string start, string end, FreeBusyStatus showAs = FreeBusyStatus.Busy) =>
        Event(start, end, [CoachingTimeCalculator.FieldDayCategory], ["dana"], showAs);

    private static CalendarEvent OneOnOne(string start, string end, params string[] attendees) => Event(start, end, attendees: attendees);

    private static CoachingTimeReport Compute(params CalendarEvent[] events) =>
        CoachingTimeCalculator.Compute(events, Manager, BerlinHours, Reports, AsOf);

    [Fact]
    public void An_empty_calendar_is_zero_coaching_over_five_and_twenty_working_days()
    {
        var r = Compute();

        Assert.Equal(2700, r.Last7Days.WorkingMinutes);
        Assert.Equal(4 * 2700, r.Last28Days.WorkingMinutes);
        Assert.Equal(0, r.Last7Days.CoachingMinutes);
        Assert.Equal(0, r.Last7Days.SharePercent);
        Assert.False(r.Last7Days.MeetsTarget);
        Assert.Equal(50, r.TargetPercent);
        Assert.Equal(At("2026-03-02 08:00", Berlin), r.Last7Days.From);
        Assert.Equal(AsOf, r.Last7Days.To);
    }

    [Theory]
    // start, end, expected field-day minutes in the last 7 days
    [InlineData("2026-03-03 08:00", "2026-03-03 17:00", 540)]   // a full working day
    [InlineData("2026-03-03 06:00", "2026-03-03 20:00", 540)]   // clipped to working hours
    [InlineData("2026-03-03 00:00", "2026-03-04 00:00", 540)]   // all-day, midnight to midnight
    [InlineData("2026-03-03 14:00", "2026-03-04 10:00", 300)]   // crosses midnight: 3 h + 2 h
    [InlineData("2026-03-07 09:00", "2026-03-07 15:00", 0)]     // Saturday: no working time
    [InlineData("2026-03-02 07:00", "2026-03-02 10:00", 120)]   // straddles the window start (Mon 08:00)
    [InlineData("2026-02-20 08:00", "2026-02-20 17:00", 0)]     // before the 7-day window
    [InlineData("2026-03-09 07:00", "2026-03-09 12:00", 0)]     // after "as of"
    public void Field_days_are_clipped_to_working_hours_and_the_window(string start, string end, double minutes)
    {
        var r = Compute(FieldDay(start, end));

        Assert.Equal(minutes, r.Last7Days.FieldDayMinutes);
        Assert.Equal(minutes, r.Last7Days.CoachingMinutes);
        Assert.Equal(Math.Round(100 * minutes / 2700, 1), r.Last7Days.SharePercent);
    }

    [Fact]
    public void The_field_day_category_matches_case_insensitively_and_other_categories_do_not_count()
    {
        var r = Compute(
            Event("2026-03-03 08:00", "2026-03-03 12:00", ["coachbot FIELD day"]),
            Event("2026-03-04 08:00", "2026-03-04 12:00", ["Customer visit"], ["client@example.com", "dana", "lee"]));

        Assert.Equal(240, r.Last7Days.FieldDayMinutes);
        Assert.Equal(240, r.Last7Days.CoachingMinutes);
    }

    [Theory]
    [InlineData(60, "dana")]                  // the rep alone
    [InlineData(60, "mgr", "dana")]           // the manager listed as attendee too
    [InlineData(60, "MGR", "DANA", "dana")]   // ids compared case-insensitively, duplicates collapse
    [InlineData(0, "dana", "lee")]            // two reps: a team meeting, not a 1:1
    [InlineData(0, "someone-else")]           // not a direct report
    [InlineData(0, "mgr")]                    // alone
    [InlineData(0)]                           // no attendees
    public void One_on_ones_need_exactly_one_other_attendee_who_is_a_direct_report(double minutes, params string[] attendees)
    {
        var r = Compute(OneOnOne("2026-03-04 10:00", "2026-03-04 11:00", attendees));

        Assert.Equal(minutes, r.Last7Days.OneOnOneMinutes);
        Assert.Equal(minutes, r.Last7Days.CoachingMinutes);
    }

    [Fact]
    public void Overlapping_events_count_once()
    {
        var r = Compute(
            FieldDay("2026-03-03 08:00", "2026-03-03 17:00"),
            OneOnOne("2026-03-03 16:00", "2026-03-03 18:00", "lee"),        // 1 h inside the field day, 1 h after hours
            OneOnOne("2026-03-04 10:00", "2026-03-04 11:00", "dana"),       // the day after Dana's field day: its debrief
            OneOnOne("2026-03-04 10:30", "2026-03-04 11:30", "lee"));       // overlaps the previous one

        Assert.Equal(540, r.Last7Days.FieldDayMinutes);
        Assert.Equal(60 + 60, r.Last7Days.OneOnOneMinutes);
        Assert.Equal(60, r.Last7Days.DebriefMinutes);
        Assert.Equal(540 + 90, r.Last7Days.CoachingMinutes);
        Assert.Equal(23.3, r.Last7Days.SharePercent);
    }

    [Fact]
    public void Events_shown_as_free_do_not_count_other_statuses_do()
    {
        var r = Compute(
            FieldDay("2026-03-02 08:00", "2026-03-02 12:00", FreeBusyStatus.Free),
            FieldDay("2026-03-03 08:00", "2026-03-03 12:00", FreeBusyStatus.Oof),
            FieldDay("2026-03-04 08:00", "2026-03-04 12:00", FreeBusyStatus.WorkingElsewhere),
            FieldDay("2026-03-05 08:00", "2026-03-05 12:00", FreeBusyStatus.Tentative));

        Assert.Equal(3 * 240, r.Last7Days.FieldDayMinutes);
    }

    [Fact]
    public void Meeting_the_target_and_the_28_day_window()
    {
        // Three field days last week (27 h of 45 h = 60%), nothing in the three weeks before: 15% over 28 days.
        var r = Compute(
            FieldDay("2026-03-03 08:00", "2026-03-03 17:00"),
            FieldDay("2026-03-04 08:00", "2026-03-04 17:00"),
            FieldDay("2026-03-05 08:00", "2026-03-05 17:00"));

        Assert.Equal(60, r.Last7Days.SharePercent);
        Assert.True(r.Last7Days.MeetsTarget);
        Assert.Equal(15, r.Last28Days.SharePercent);
        Assert.False(r.Last28Days.MeetsTarget);
        Assert.Contains("Last 7 days: 27 h of 45 h working time = 60%", r.Explanation, StringComparison.Ordinal);
        Assert.Contains("\"CoachBot field day\"", r.Explanation, StringComparison.Ordinal);
        Assert.Contains("Target: 50%", r.Explanation, StringComparison.Ordinal);

        var lower = CoachingTimeCalculator.Compute([], Manager, BerlinHours, Reports, AsOf, targetPercent: 0);
        Assert.True(lower.Last7Days.MeetsTarget);
        Assert.Throws<ArgumentOutOfRangeException>(() => CoachingTimeCalculator.Compute([], Manager, BerlinHours, Reports, AsOf, targetPercent: 120));
    }

    [Theory]
    [InlineData(Berlin, "2026-03-30 08:00", "+01:00", "+02:00")]  // window spans the spring switch (29 Mar)
    [InlineData(Berlin, "2026-10-26 08:00", "+02:00", "+01:00")]  // and the autumn one (25 Oct)
    [InlineData(NewYork, "2026-03-09 08:00", "-05:00", "-04:00")] // 8 Mar
    [InlineData(NewYork, "2026-11-02 08:00", "-04:00", "-05:00")] // 1 Nov
    public void A_window_across_a_dst_switch_starts_at_the_same_local_time_and_counts_45_working_hours(string zone, string asOf, string fromOffset, string toOffset)
    {
        var at = At(asOf, zone);
        var r = CoachingTimeCalculator.Compute([], Manager, WorkingHours.Default(zone), Reports, at);

        Assert.Equal(2700, r.Last7Days.WorkingMinutes);
        Assert.Equal(at.AddDays(-7).DateTime, r.Last7Days.From.DateTime);
        Assert.Equal(TimeSpan.Parse(fromOffset.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), r.Last7Days.From.Offset);
        Assert.Equal(TimeSpan.Parse(toOffset.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), r.Last7Days.To.Offset);
    }

    [Fact]
    public void An_all_day_field_day_on_a_23_hour_dst_sunday_counts_its_working_hours()
    {
        var everyDay = new WorkingHours(new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>()), new TimeOnly(8, 0), new TimeOnly(17, 0), Berlin);
        var r = CoachingTimeCalculator.Compute(
            [Event("2026-03-29 00:00", "2026-03-30 00:00", [CoachingTimeCalculator.FieldDayCategory], allDay: true)],
            Manager, everyDay, Reports, At("2026-03-30 08:00", Berlin));

        Assert.Equal(540, r.Last7Days.FieldDayMinutes);
        Assert.Equal(7 * 540, r.Last7Days.WorkingMinutes);
    }

    [Fact]
    public void Events_from_another_zone_are_compared_as_instants()
    {
        // A 1:1 at 09:00-10:00 New York on Wed 4 Mar is 15:00-16:00 in Berlin: inside the Berlin manager's hours.
        // One at 12:00-13:00 New York is 18:00-19:00 Berlin: outside.
        var r = Compute(
            Event("2026-03-04 09:00", "2026-03-04 10:00", attendees: ["dana"], zone: NewYork),
            Event("2026-03-04 12:00", "2026-03-04 13:00", attendees: ["lee"], zone: NewYork));

        Assert.Equal(60, r.Last7Days.OneOnOneMinutes);
    }

    [Fact]
    public void Seeded_random_calendars_keep_the_shares_consistent()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var events = new List<CalendarEvent>();
            var start = At("2026-02-01 00:00", Berlin);
            for (var i = random.Next(0, 120); i > 0; i--)
            {
                var s = start.AddMinutes(15 * random.Next(40 * 96));
                var e = s.AddMinutes(15 * random.Next(1, 48));
                var cats = random.Next(4) == 0 ? new[] { CoachingTimeCalculator.FieldDayCategory } : [];
                var who = Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(3) switch { 0 => "dana", 1 => "lee", _ => "x" }).ToList();
                events.Add(new CalendarEvent($"r{i}", s, e, false, (FreeBusyStatus)random.Next(6), cats, who));
            }
            var asOf = At("2026-03-09 08:00", Berlin).AddHours(random.Next(24 * 30));
            var r = CoachingTimeCalculator.Compute(events, Manager, BerlinHours, Reports, asOf);

            foreach (var w in new[] { r.Last7Days, r.Last28Days })
            {
                Assert.InRange(w.SharePercent, 0, 100);
                Assert.True(w.CoachingMinutes <= w.WorkingMinutes + 0.1);
                Assert.True(w.CoachingMinutes <= w.FieldDayMinutes + w.OneOnOneMinutes + w.DebriefMinutes + w.MarkedCoachingMinutes + 0.1);
                Assert.True(w.CoachingMinutes + 0.1 >= Math.Max(Math.Max(w.FieldDayMinutes, w.OneOnOneMinutes), w.DebriefMinutes));
                Assert.InRange(w.WorkingMinutes, 0, w.Days * 540);
            }
            Assert.True(r.Last28Days.CoachingMinutes + 0.1 >= r.Last7Days.CoachingMinutes);
        }
    }
}
