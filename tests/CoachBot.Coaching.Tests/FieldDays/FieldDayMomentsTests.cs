using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.FieldDays;
using static CoachBot.Coaching.Tests.FieldDays.Cal;

namespace CoachBot.Coaching.Tests.FieldDays;

/// <summary>When prep and debrief go out: each person's own working day and time zone, across DST switches.</summary>
public class FieldDayMomentsTests
{
    private static readonly WorkingHours NewYorkHours = WorkingHours.Default(NewYork);
    private static readonly WorkingHours LondonHours = WorkingHours.Default(London);
    private static readonly WorkingHours BerlinEveryDay = WorkingHours.Default(Berlin) with { Days = new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>()) };
    private static readonly WorkingHours NewYorkEveryDay = NewYorkHours with { Days = new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>()) };

    [Fact]
    public void A_morning_field_day_is_prepped_the_evening_before_an_hour_before_the_working_day_ends()
    {
        // Tue 10 Mar 2026 08:00 New York (EDT since 8 Mar): prep Mon 9 Mar 16:00 EDT = 20:00 UTC.
        var prep = FieldDayMoments.PrepAt(At("2026-03-10 08:00", NewYork), NewYorkHours);

        Assert.Equal(Utc("2026-03-09 20:00"), prep);
    }

    [Fact]
    public void An_afternoon_field_day_is_prepped_the_morning_of_at_the_start_of_the_working_day()
    {
        var prep = FieldDayMoments.PrepAt(At("2026-03-10 13:00", NewYork), NewYorkHours);

        Assert.Equal(Utc("2026-03-10 12:00"), prep);
    }

    [Fact]
    public void A_field_day_starting_less_than_three_hours_into_the_day_is_prepped_the_evening_before()
    {
        var prep = FieldDayMoments.PrepAt(At("2026-03-10 10:59", NewYork), NewYorkHours);

        Assert.Equal(Utc("2026-03-09 20:00"), prep);
    }

    [Fact]
    public void A_monday_morning_field_day_is_prepped_on_friday_not_on_sunday()
    {
        var prep = FieldDayMoments.PrepAt(At("2026-03-16 08:00", NewYork), NewYorkHours);

        Assert.Equal(Utc("2026-03-13 20:00"), prep);
    }

    [Fact]
    public void Manager_and_rep_each_get_their_own_local_time()
    {
        // 08:00 New York is 12:00 London (only the US is on summer time on 10 Mar 2026).
        var moments = FieldDayMoments.For(At("2026-03-10 08:00", NewYork), At("2026-03-10 12:00", NewYork), NewYorkHours, LondonHours);

        Assert.Equal(Utc("2026-03-09 20:00"), moments.ManagerPrepAt); // the evening before in New York
        Assert.Equal(Utc("2026-03-10 08:00"), moments.RepPrepAt);     // the morning of in London (08:00 GMT)
        Assert.Equal(Utc("2026-03-10 16:00"), moments.DebriefAt);     // when the field day ends
    }

    [Fact]
    public void The_evening_before_a_spring_forward_sunday_uses_the_new_offset()
    {
        // Berlin switches to CEST on Sun 29 Mar 2026. A Monday 09:00 field day for someone working every day:
        // prep Sun 29 Mar 16:00 CEST = 14:00 UTC (15:00 UTC would be the CET reading).
        var prep = FieldDayMoments.PrepAt(At("2026-03-30 09:00", Berlin), BerlinEveryDay);

        Assert.Equal(Utc("2026-03-29 14:00"), prep);
    }

    [Fact]
    public void The_evening_before_a_fall_back_day_uses_the_old_offset_on_the_switch_day()
    {
        // New York falls back on Sun 1 Nov 2026: prep that Sunday at 16:00 EST = 21:00 UTC.
        var prep = FieldDayMoments.PrepAt(At("2026-11-02 09:00", NewYork), NewYorkEveryDay);

        Assert.Equal(Utc("2026-11-01 21:00"), prep);
    }

    [Fact]
    public void A_working_day_starting_in_the_spring_forward_gap_starts_after_the_gap()
    {
        // 02:30 does not exist in Berlin on 29 Mar 2026: the working day starts at 03:30 CEST = 01:30 UTC.
        var early = BerlinEveryDay with { Start = new TimeOnly(2, 30), End = new TimeOnly(11, 0) };

        var prep = FieldDayMoments.PrepAt(At("2026-03-29 09:00", Berlin), early);

        Assert.Equal(Utc("2026-03-29 01:30"), prep);
    }

    [Fact]
    public void A_working_day_starting_in_the_repeated_fall_back_hour_takes_its_first_occurrence()
    {
        // 01:30 happens twice in New York on 1 Nov 2026: the first (EDT) is 05:30 UTC.
        var early = NewYorkEveryDay with { Start = new TimeOnly(1, 30), End = new TimeOnly(10, 0) };

        var prep = FieldDayMoments.PrepAt(At("2026-11-01 08:00", NewYork), early);

        Assert.Equal(Utc("2026-11-01 05:30"), prep);
    }

    [Fact]
    public void A_field_day_on_a_day_off_is_prepped_on_the_last_working_day_before_it()
    {
        var prep = FieldDayMoments.PrepAt(At("2026-03-14 13:00", NewYork), NewYorkHours); // a Saturday afternoon

        Assert.Equal(Utc("2026-03-13 20:00"), prep);
    }

    [Fact]
    public void The_prep_is_never_after_the_start()
    {
        var late = NewYorkHours with { Start = new TimeOnly(20, 0), End = new TimeOnly(23, 0) };

        var prep = FieldDayMoments.PrepAt(At("2026-03-10 08:00", NewYork), late);

        Assert.True(prep < At("2026-03-10 08:00", NewYork));
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_and_an_inverted_field_day_too()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => FieldDayMoments.PrepAt(Utc("2026-03-10 08:00"), WorkingHours.Default("Mars/Olympus")));
        Assert.Throws<ArgumentException>(() => FieldDayMoments.For(Utc("2026-03-10 12:00"), Utc("2026-03-10 08:00"), NewYorkHours, NewYorkHours));
    }
}
