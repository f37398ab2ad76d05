using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.Leaders;
using CoachBot.Leaders;

namespace CoachBot.IntegrationTests.Leaders;

/// <summary>The pure parts of the leader's report: CSV quoting and when the week's card falls due in the leader's zone.</summary>
public sealed class LeaderReportPartsTests
{
    private static readonly ManagerWeekFigures Shown = new(false, 50, 12.5, 2, 1, 1, 0, 1, 3);
    private static readonly ManagerWeekFigures Hidden = new(true, 50, null, null, null, null, null, null, null);

    [Fact]
    public void Csv_quotes_fields_with_commas_quotes_and_line_breaks_and_leaves_hidden_figures_empty()
    {
        var csv = LeaderReportCsv.Write(
        [
            new ManagerWeek("l1", "Okafor, Grace", "m1", "Maya \"MP\" Patel", Shown),
            new ManagerWeek("l1", "Okafor, Grace", "m2", "Line\nBreak", Hidden),
        ], new DateOnly(2026, 11, 30));
        var lines = csv.Split("\r\n");
        Assert.Equal(LeaderReportCsv.Header, lines[0]);
        Assert.Equal("2026-11-30,l1,\"Okafor, Grace\",m1,\"Maya \"\"MP\"\" Patel\",ok,12.5,50,2,1,1,0,1,3", lines[1]);
        Assert.Equal("2026-11-30,l1,\"Okafor, Grace\",m2,\"Line\nBreak\",too few reps to show,,50,,,,,,", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    // New York, Monday 30 Nov 2026 (EST, UTC-5): due from 08:00 local = 13:00 UTC.
    [InlineData("America/New_York", "2026-11-30T12:59:00Z", null)]
    [InlineData("America/New_York", "2026-11-30T13:00:00Z", "2026-11-30")]
    // All that week until Sunday 23:59 local (a Monday missed while CoachBot was down is caught up; the send is once only):
    // Tuesday 00:00 local, the next Sunday 23:59 local (04:59 UTC Monday); the Sunday night before still belongs to the week before.
    [InlineData("America/New_York", "2026-12-01T04:59:00Z", "2026-11-30")]
    [InlineData("America/New_York", "2026-12-01T05:00:00Z", "2026-11-30")]
    [InlineData("America/New_York", "2026-12-07T04:59:00Z", "2026-11-30")]
    [InlineData("America/New_York", "2026-12-07T05:00:00Z", null)]
    [InlineData("America/New_York", "2026-11-30T04:00:00Z", "2026-11-23")]
    // Berlin, Monday 30 Mar 2026, the day after the spring DST switch (CEST, UTC+2): 08:00 local = 06:00 UTC.
    [InlineData("Europe/Berlin", "2026-03-30T05:59:00Z", null)]
    [InlineData("Europe/Berlin", "2026-03-30T06:00:00Z", "2026-03-30")]
    // Sydney: Monday 08:00 local is Sunday 21:00 UTC (AEDT, UTC+11).
    [InlineData("Australia/Sydney", "2026-11-29T21:00:00Z", "2026-11-30")]
    [InlineData("Australia/Sydney", "2026-11-29T20:59:00Z", null)]
    public void The_weeks_card_is_due_from_the_start_of_the_leaders_first_working_day_until_the_week_ends(string zone, string now, string? week)
    {
        var hours = WorkingHours.Default(zone) with { Start = new TimeOnly(8, 0) };
        var due = LeaderSchedule.WeekDue(hours, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(week is null ? null : DateOnly.Parse(week, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void A_leader_who_does_not_work_Mondays_gets_it_on_their_first_working_day()
    {
        var hours = new WorkingHours(new HashSet<DayOfWeek> { DayOfWeek.Tuesday, DayOfWeek.Wednesday }, new TimeOnly(9, 0), new TimeOnly(17, 0), "UTC");
        Assert.Null(LeaderSchedule.WeekDue(hours, new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 30), LeaderSchedule.WeekDue(hours, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
    }
}
