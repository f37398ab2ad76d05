using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.FieldDays;
using static CoachBot.Coaching.Tests.FieldDays.Cal;

namespace CoachBot.Coaching.Tests.FieldDays;

public class FieldDaySlotFinderTests
{
    // Mon 2 Mar 2026 .. Fri 6 Mar 2026: an ordinary week with no DST switch anywhere.
    private static readonly DateTimeOffset MondayBerlin = At("2026-03-02 00:00", Berlin);

    private static IReadOnlyList<FieldDaySlot> Find(
        Cal manager, IEnumerable<FieldDayRep> reps, DateTimeOffset start, int days = 5,
        FieldDayLength length = FieldDayLength.HalfDay, FieldDayOptions? options = null) =>
        FieldDaySlotFinder.Find(new FieldDaySlotQuery(manager.Build(), reps.ToList(), start, days, length, options));

    private static FieldDayRep Rep(Cal cal, string name = "Dana", RepTier tier = RepTier.Emerging, bool asked = false, DateOnly? last = null) =>
        new(cal.Build(), name, tier, asked, last);

    private static readonly FieldDayOptions Many = new() { MaxSuggestions = 100 };

    [Fact]
    public void Empty_calendars_give_one_morning_slot_per_working_day_best_first()
    {
        var slots = Find(new Cal("m", Berlin), [Rep(new Cal("dana", Berlin))], MondayBerlin, options: Many);

        Assert.Equal(5, slots.Count);
        Assert.Equal(
            ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"],
            slots.Select(s => s.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(slots, s =>
        {
            Assert.Equal(new TimeSpan(8, 0, 0), s.Start.TimeOfDay);
            Assert.Equal(TimeSpan.FromHours(4), s.End - s.Start);
            Assert.Equal(TimeSpan.FromHours(1), s.Start.Offset);
            Assert.Equal(SlotConflicts.None, s.Conflicts);
            Assert.True(s.Score >= 100);
        });
        Assert.Equal(slots.OrderByDescending(s => s.Score).Select(s => s.Start), slots.Select(s => s.Start));
    }

    [Theory]
    [InlineData("overlapping pieces")]
    [InlineData("one block per day")]
    [InlineData("all-day items")]
    [InlineData("one week-long item")]
    public void A_fully_booked_week_gives_no_slots(string shape)
    {
        var manager = new Cal("m", Berlin);
        for (var d = 2; d <= 6; d++)
        {
            var day = $"2026-03-0{d}";
            switch (shape)
            {
                case "overlapping pieces":
                    manager.Add($"{day} 07:30", $"{day} 11:00").Add($"{day} 10:00", $"{day} 14:00").Add($"{day} 12:00", $"{day} 12:30").Add($"{day} 13:59", $"{day} 17:30");
                    break;
                case "one block per day":
                    manager.Add($"{day} 08:00", $"{day} 17:00");
                    break;
                case "all-day items":
                    manager.AllDay(day);
                    break;
                default:
                    if (d == 2) manager.Add("2026-03-01 18:00", "2026-03-07 00:00");
                    break;
            }
        }

        Assert.Empty(Find(manager, [Rep(new Cal("dana", Berlin)), Rep(new Cal("lee", Berlin), "Lee")], MondayBerlin, options: Many));
    }

    [Fact]
    public void A_fully_booked_rep_gives_no_slots_for_that_rep_only()
    {
        var busyRep = new Cal("lee", Berlin).Add("2026-03-02 08:00", "2026-03-06 17:00");
        var slots = Find(new Cal("m", Berlin), [Rep(new Cal("dana", Berlin)), Rep(busyRep, "Lee")], MondayBerlin, options: Many);

        Assert.Equal(5, slots.Count);
        Assert.All(slots, s => Assert.Equal("dana", s.RepId));
    }

    [Fact]
    public void Busy_morning_leaves_the_afternoon_and_a_one_minute_overlap_counts()
    {
        var manager = new Cal("m", Berlin).Add("2026-03-02 11:59", "2026-03-02 12:30");
        var slot = Find(manager, [Rep(new Cal("dana", Berlin))], MondayBerlin, days: 1).Single();

        Assert.Equal(At("2026-03-02 13:00", Berlin), slot.Start);
        Assert.Equal(At("2026-03-02 17:00", Berlin), slot.End);
        Assert.Contains("afternoon", slot.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Back_to_back_busy_items_touching_the_slot_edges_do_not_block_it()
    {
        // Busy ends exactly when the slot starts, and starts exactly when it ends: [start, end) intervals.
        var manager = new Cal("m", Berlin).Add("2026-03-02 07:00", "2026-03-02 08:00").Add("2026-03-02 12:00", "2026-03-02 13:00");
        var slot = Find(manager, [Rep(new Cal("dana", Berlin))], MondayBerlin, days: 1).Single();

        Assert.Equal(At("2026-03-02 08:00", Berlin), slot.Start);
    }

    [Fact]
    public void An_event_crossing_midnight_blocks_the_next_morning_only()
    {
        var rep = new Cal("dana", Berlin).Add("2026-03-02 22:00", "2026-03-03 09:00");
        var slots = Find(new Cal("m", Berlin), [Rep(rep)], MondayBerlin, days: 2, options: Many);

        Assert.Equal([At("2026-03-02 08:00", Berlin), At("2026-03-03 13:00", Berlin)], slots.OrderBy(s => s.Start).Select(s => s.Start));
    }

    [Fact]
    public void An_all_day_busy_item_excludes_that_day()
    {
        var rep = new Cal("dana", Berlin).AllDay("2026-03-03");
        var slots = Find(new Cal("m", Berlin), [Rep(rep)], MondayBerlin, options: Many);

        Assert.DoesNotContain(slots, s => s.Start.Day == 3);
        Assert.Equal(4, slots.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Oof_for_either_person_excludes_the_whole_local_day_even_outside_the_slot(bool managerOof)
    {
        // One hour of Oof late on Tuesday: the morning is free, yet Tuesday is out.
        var manager = new Cal("m", Berlin);
        var rep = new Cal("dana", Berlin);
        (managerOof ? manager : rep).Add("2026-03-03 16:00", "2026-03-03 17:00", FreeBusyStatus.Oof);

        var slots = Find(manager, [Rep(rep)], MondayBerlin, options: Many);

        Assert.Equal(4, slots.Count);
        Assert.DoesNotContain(slots, s => s.Start.Day == 3);
    }

    [Fact]
    public void Rep_oof_day_is_the_reps_own_local_day()
    {
        // Rep in London Oof on Tuesday (London). Manager in New York: the only shared hours are NY 08:00-12:00 = London 13:00-17:00,
        // all on the same London Tuesday, so Tuesday goes; Monday stays.
        var rep = new Cal("dana", London).AllDay("2026-03-03", FreeBusyStatus.Oof);
        var slots = Find(new Cal("m", NewYork), [Rep(rep)], At("2026-03-02 00:00", NewYork), days: 2, options: Many);

        Assert.Equal([At("2026-03-02 08:00", NewYork)], slots.Select(s => s.Start));
    }

    [Fact]
    public void A_week_of_vacation_leaves_nothing_but_the_following_week()
    {
        var manager = new Cal("m", Berlin).Add("2026-03-02 00:00", "2026-03-07 00:00", FreeBusyStatus.Oof);
        var slots = Find(manager, [Rep(new Cal("dana", Berlin))], MondayBerlin, days: 10, options: Many);

        Assert.Equal(5, slots.Count);
        Assert.All(slots, s => Assert.True(s.Start >= At("2026-03-09 00:00", Berlin)));
    }

    [Fact]
    public void Tentative_keeps_the_slot_but_ranks_it_below_every_clean_slot()
    {
        // Monday: both half days tentative for the manager. Tuesday: clean.
        var manager = new Cal("m", Berlin).Add("2026-03-02 09:00", "2026-03-02 16:00", FreeBusyStatus.Tentative);
        var slots = Find(manager, [Rep(new Cal("dana", Berlin))], MondayBerlin, days: 2, options: Many);

        Assert.Equal(2, slots.Count);
        Assert.Equal(At("2026-03-03 08:00", Berlin), slots[0].Start);
        Assert.Equal(SlotConflicts.None, slots[0].Conflicts);
        Assert.Equal(At("2026-03-02 08:00", Berlin), slots[1].Start);
        Assert.Equal(SlotConflicts.Tentative, slots[1].Conflicts);
        Assert.True(slots[1].Score < 100 && slots[0].Score >= 100);
        Assert.Contains("tentative item on your calendar", slots[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tentative_even_ranks_a_top_performers_clean_slot_above_an_emerging_reps_tentative_one()
    {
        var manager = new Cal("m", Berlin);
        var emerging = new Cal("dana", Berlin).Add("2026-03-02 07:00", "2026-03-02 18:00", FreeBusyStatus.Tentative);
        var slots = Find(manager, [Rep(emerging), Rep(new Cal("top", Berlin), "Tom", RepTier.Top)], MondayBerlin, days: 1, options: Many);

        Assert.Equal(["top", "dana"], slots.Select(s => s.RepId));
        Assert.Contains("tentative item on Dana's calendar", slots[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tentative_morning_gives_way_to_a_clean_afternoon_the_same_day()
    {
        var rep = new Cal("dana", Berlin).Add("2026-03-02 10:00", "2026-03-02 11:00", FreeBusyStatus.Tentative);
        var slot = Find(new Cal("m", Berlin), [Rep(rep)], MondayBerlin, days: 1).Single();

        Assert.Equal(At("2026-03-02 13:00", Berlin), slot.Start);
        Assert.Equal(SlotConflicts.None, slot.Conflicts);
    }

    [Theory]
    [InlineData(FreeBusyStatus.WorkingElsewhere, SlotConflicts.WorkingElsewhere)]
    [InlineData(FreeBusyStatus.Unknown, SlotConflicts.Tentative)]
    [InlineData(FreeBusyStatus.Free, SlotConflicts.None)]
    public void Soft_and_free_statuses(FreeBusyStatus status, SlotConflicts expected)
    {
        var rep = new Cal("dana", Berlin).AllDay("2026-03-02", status);
        var slot = Find(new Cal("m", Berlin), [Rep(rep)], MondayBerlin, days: 1).Single();

        Assert.Equal(At("2026-03-02 08:00", Berlin), slot.Start);
        Assert.Equal(expected, slot.Conflicts);
        Assert.Equal(expected == SlotConflicts.None, slot.Score >= 100);
    }

    [Fact]
    public void Min_gap_since_the_last_field_day_is_respected_both_ways()
    {
        // Last field day Mon 2 Mar; gap 14 days: nothing before Mon 16 Mar.
        var rep = Rep(new Cal("dana", Berlin), last: new DateOnly(2026, 3, 2));
        var slots = Find(new Cal("m", Berlin), [rep], At("2026-03-09 00:00", Berlin), days: 10, options: Many);

        Assert.Equal(5, slots.Count);
        Assert.All(slots, s => Assert.True(s.Start >= At("2026-03-16 00:00", Berlin)));

        // A field day already booked for Fri 13 Mar keeps the week before it free of suggestions too.
        var booked = Rep(new Cal("dana", Berlin), last: new DateOnly(2026, 3, 13));
        var around = Find(new Cal("m", Berlin), [booked], MondayBerlin, days: 5, options: Many with { MinDaysSinceLastFieldDay = 8 });
        Assert.Equal([At("2026-03-02 08:00", Berlin), At("2026-03-03 08:00", Berlin), At("2026-03-04 08:00", Berlin), At("2026-03-05 08:00", Berlin)], around.Select(s => s.Start));
        Assert.Contains("already booked", around[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_and_days_to_avoid_are_skipped()
    {
        var options = Many with
        {
            AvoidDates = new HashSet<DateOnly> { new(2026, 3, 4) },
            AvoidDays = new HashSet<DayOfWeek> { DayOfWeek.Monday },
        };
        var slots = Find(new Cal("m", Berlin), [Rep(new Cal("dana", Berlin))], MondayBerlin, options: options);

        Assert.Equal([3, 5, 6], slots.Select(s => s.Start.Day).Order());
    }

    [Fact]
    public void Earliest_start_applies_in_each_persons_own_zone()
    {
        var options = Many with { EarliestStart = new TimeOnly(9, 30) };
        var slots = Find(new Cal("m", Berlin), [Rep(new Cal("dana", Berlin))], MondayBerlin, days: 1, options: options);

        Assert.Equal(At("2026-03-02 09:30", Berlin), slots.Single().Start);
    }

    [Fact]
    public void A_horizon_starting_mid_morning_keeps_only_the_afternoon_of_that_day()
    {
        var slots = Find(new Cal("m", Berlin), [Rep(new Cal("dana", Berlin))], At("2026-03-02 10:00", Berlin), days: 1);

        Assert.Equal(At("2026-03-02 13:00", Berlin), slots.Single().Start);
    }

    [Fact]
    public void A_full_day_is_eight_hours_flush_with_either_end_of_the_shared_day()
    {
        var manager = new Cal("m", Berlin).Add("2026-03-02 08:00", "2026-03-02 09:00").Add("2026-03-03 16:30", "2026-03-03 17:00");
        var slots = Find(manager, [Rep(new Cal("dana", Berlin))], MondayBerlin, days: 3, length: FieldDayLength.FullDay, options: Many);

        Assert.Equal(
            [(At("2026-03-02 09:00", Berlin), At("2026-03-02 17:00", Berlin)), (At("2026-03-03 08:00", Berlin), At("2026-03-03 16:00", Berlin)), (At("2026-03-04 08:00", Berlin), At("2026-03-04 16:00", Berlin))],
            slots.OrderBy(s => s.Start).Select(s => (s.Start, s.End)));
        Assert.All(slots, s => Assert.Equal(FieldDayLength.FullDay, s.Length));
        Assert.Contains("full day", slots[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Manager_in_New_York_and_rep_in_London_share_four_hours_and_the_us_dst_switch_widens_it()
    {
        var manager = new Cal("m", NewYork);
        var rep = new Cal("dana", London);

        // Before 8 Mar both are on standard time, 5 h apart: shared NY 08:00-12:00 = London 13:00-17:00.
        var before = Find(manager, [Rep(rep)], At("2026-03-03 00:00", NewYork), days: 1).Single();
        Assert.Equal(Utc("2026-03-03 13:00"), before.Start);
        Assert.Equal(Utc("2026-03-03 17:00"), before.End);
        Assert.Contains("Dana's 13:00–17:00", before.Reason, StringComparison.Ordinal);

        // 9-27 Mar: New York on EDT, London still on GMT, 4 h apart: shared NY 08:00-13:00; London busy 12:00-13:00 pushes the
        // half day to its later anchor NY 09:00-13:00 = London 13:00-17:00.
        var busyRep = new Cal("dana", London).Add("2026-03-10 12:00", "2026-03-10 13:00");
        var during = Find(manager, [Rep(busyRep)], At("2026-03-10 00:00", NewYork), days: 1).Single();
        Assert.Equal(At("2026-03-10 09:00", NewYork), during.Start);
        Assert.Equal(Utc("2026-03-10 13:00"), during.Start);

        // No full day fits in the shared hours.
        Assert.Empty(Find(manager, [Rep(rep)], At("2026-03-02 00:00", NewYork), days: 10, length: FieldDayLength.FullDay));
    }

    [Theory]
    [InlineData(Berlin, "2026-03-28", "2026-03-28 07:00")] // Saturday before the switch: CET, UTC+1
    [InlineData(Berlin, "2026-03-29", "2026-03-29 06:00")] // switch day: 08:00 CEST, UTC+2
    [InlineData(Berlin, "2026-10-24", "2026-10-24 06:00")]
    [InlineData(Berlin, "2026-10-25", "2026-10-25 07:00")] // back to CET
    [InlineData(NewYork, "2026-03-07", "2026-03-07 13:00")]
    [InlineData(NewYork, "2026-03-08", "2026-03-08 12:00")] // EDT, UTC-4
    [InlineData(NewYork, "2026-10-31", "2026-10-31 12:00")]
    [InlineData(NewYork, "2026-11-01", "2026-11-01 13:00")] // EST, UTC-5
    public void Dst_switch_days_put_local_08_00_at_the_right_instant(string zone, string date, string expectedUtc)
    {
        var manager = new Cal("m", zone).EveryDay();
        var rep = new Cal("dana", zone).EveryDay();
        var slot = Find(manager, [Rep(rep)], At($"{date} 00:00", zone), days: 1).Single();

        Assert.Equal(Utc(expectedUtc), slot.Start);
        Assert.Equal(TimeSpan.FromHours(4), slot.End - slot.Start);
    }

    [Fact]
    public void On_the_night_of_the_switch_a_busy_item_across_the_gap_is_measured_in_instants()
    {
        // Berlin 29 Mar: 01:00-08:30 local is 6.5 h of real time; it still ends at 08:30 local and blocks the morning.
        var rep = new Cal("dana", Berlin).EveryDay().Add("2026-03-29 01:00", "2026-03-29 08:30");
        var slot = Find(new Cal("m", Berlin).EveryDay(), [Rep(rep)], At("2026-03-29 00:00", Berlin), days: 1).Single();

        Assert.Equal(At("2026-03-29 13:00", Berlin), slot.Start);
        Assert.Equal(Utc("2026-03-29 11:00"), slot.Start);
    }

    [Fact]
    public void Ranking_favours_emerging_then_developing_then_top()
    {
        var reps = new[]
        {
            Rep(new Cal("t", Berlin), "Tom", RepTier.Top),
            Rep(new Cal("d", Berlin), "Dev", RepTier.Developing),
            Rep(new Cal("e", Berlin), "Emma", RepTier.Emerging),
        };
        var slots = Find(new Cal("m", Berlin), reps, MondayBerlin, days: 1, options: Many);

        Assert.Equal(["e", "d", "t"], slots.Select(s => s.RepId));
    }

    [Fact]
    public void A_rep_who_asked_outranks_one_who_did_not_and_the_reason_says_so()
    {
        var reps = new[]
        {
            Rep(new Cal("e", Berlin), "Emma", RepTier.Emerging),
            Rep(new Cal("d", Berlin), "Dana", RepTier.Developing, asked: true),
        };
        var slots = Find(new Cal("m", Berlin), reps, MondayBerlin, days: 1, options: Many);

        Assert.Equal(["d", "e"], slots.Select(s => s.RepId));
        Assert.StartsWith("Dana asked for field time; both free Mon 2 Mar morning (08:00–12:00)", slots[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rep_not_visited_longest_comes_first()
    {
        var reps = new[]
        {
            Rep(new Cal("recent", Berlin), "Rita", last: new DateOnly(2026, 2, 9)),
            Rep(new Cal("long", Berlin), "Dana", last: new DateOnly(2026, 1, 26)),
            Rep(new Cal("never", Berlin), "Nina"),
        };
        var slots = Find(new Cal("m", Berlin), reps, MondayBerlin, days: 1, options: Many);

        Assert.Equal(["never", "long", "recent"], slots.Select(s => s.RepId));
        Assert.Contains("last field day with Dana was 5 weeks ago", slots[1].Reason, StringComparison.Ordinal);
        Assert.Contains("no field day with Nina on record", slots[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggestions_spread_across_reps_and_never_repeat_a_rep_on_a_day()
    {
        var reps = new[] { Rep(new Cal("a", Berlin), "Ann"), Rep(new Cal("b", Berlin), "Ben"), Rep(new Cal("c", Berlin), "Cy") };
        var slots = Find(new Cal("m", Berlin), reps, MondayBerlin, options: new FieldDayOptions { MaxSuggestions = 3 });

        Assert.Equal(["a", "b", "c"], slots.Select(s => s.RepId).Order());

        var all = Find(new Cal("m", Berlin), reps, MondayBerlin, options: Many);
        Assert.Equal(15, all.Count);
        Assert.Equal(all.Count, all.Select(s => (s.RepId, s.Start.Date)).Distinct().Count());
    }

    [Fact]
    public void Same_input_same_output_whatever_the_order_of_the_reps()
    {
        var manager = new Cal("m", Berlin).Add("2026-03-03 09:00", "2026-03-03 10:00", FreeBusyStatus.Tentative);
        FieldDayRep[] reps =
        [
            Rep(new Cal("a", Berlin), "Ann", RepTier.Top),
            Rep(new Cal("b", London), "Ben"),
            Rep(new Cal("c", Berlin), "Cy", RepTier.Developing, asked: true),
            Rep(new Cal("d", Berlin), "Di"),
        ];
        var first = Find(manager, reps, MondayBerlin, options: Many);
        var again = Find(manager, reps, MondayBerlin, options: Many);
        var reversed = Find(manager, reps.Reverse(), MondayBerlin, options: Many);

        Assert.Equal(first, again);
        Assert.Equal(first, reversed);
    }

    [Fact]
    public void Degenerate_inputs()
    {
        var manager = new Cal("m", Berlin);
        Assert.Empty(Find(manager, [Rep(new Cal("dana", Berlin))], MondayBerlin, days: 0));
        Assert.Empty(Find(manager, [], MondayBerlin));
        Assert.Empty(Find(new Cal("m", Berlin).Days(), [Rep(new Cal("dana", Berlin))], MondayBerlin));
        Assert.Throws<ArgumentException>(() => Find(manager, [Rep(new Cal("dana", Berlin))], MondayBerlin, options: new FieldDayOptions { MaxSuggestions = 0 }));
        Assert.Throws<ArgumentNullException>(() => FieldDaySlotFinder.Find(null!));
        // Inverted busy items (end before start) are ignored rather than trusted.
        var odd = new Cal("dana", Berlin).Add("2026-03-02 12:00", "2026-03-02 08:00");
        Assert.Equal(At("2026-03-02 08:00", Berlin), Find(manager, [Rep(odd)], MondayBerlin, days: 1).Single().Start);
    }

    [Fact]
    public void Windows_time_zone_ids_work_as_well()
    {
        var manager = new Cal("m", "W. Europe Standard Time");
        var slot = Find(manager, [Rep(new Cal("dana", Berlin))], MondayBerlin, days: 1).Single();
        Assert.Equal(At("2026-03-02 08:00", Berlin), slot.Start);
    }
}
